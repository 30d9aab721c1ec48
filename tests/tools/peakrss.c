/*
 * peakrss: run a command and write its peak resident memory (kB, from
 * wait4's rusage) to FILE, so the hostile-input tests can bound the memory
 * a case costs, and its CPU seconds (user + system) to FILE.cpu, so long
 * fuzzing runs can report the CPU time they had.
 *
 *   peakrss FILE COMMAND [ARG...]
 *
 * Exits with the command's status (128 + signal when it was killed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	char cpu[4096];
	int status;
	pid_t pid;
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: peakrss FILE COMMAND [ARG...]\n");
		return 2;
	}
	if ((pid = fork()) < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		return 2;
	}
	if ((f = fopen(argv[1], "w")) != NULL) {
		fprintf(f, "%ld\n", ru.ru_maxrss);
		fclose(f);
	}
	snprintf(cpu, sizeof(cpu), "%s.cpu", argv[1]);
	if ((f = fopen(cpu, "w")) != NULL) {
		fprintf(f, "%.0f\n", (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
		fclose(f);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

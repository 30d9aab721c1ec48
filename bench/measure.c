/*
 * bench/measure: run a command, print its wall time and the peak resident
 * memory of the largest process it waited for.
 *
 *   measure CMD [ARG...]      -> stdout: "<seconds> <peak KiB> <exit status>"
 *
 * The command's own output goes to /dev/null unless MEASURE_KEEP_OUTPUT is
 * set; its exit status is reported, not acted on.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: measure CMD [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		if (getenv("MEASURE_KEEP_OUTPUT") == NULL) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
			}
		}
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* ru_maxrss of wait4 is the child itself; its own children count in
	 * RUSAGE_CHILDREN of this process, take the larger. */
	{
		struct rusage all;
		long rss = ru.ru_maxrss;
		if (getrusage(RUSAGE_CHILDREN, &all) == 0 && all.ru_maxrss > rss)
			rss = all.ru_maxrss;
		printf("%.3f %ld %d\n", (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, rss,
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	return 0;
}

/*
 * birdrec SOCKET COMMAND: record BIRD's raw reply to one command, as the
 * transcripts in tests/lg/transcripts keep it ("C: COMMAND", then BIRD's
 * bytes with their reply codes, up to and including the final line); an
 * empty COMMAND records the greeting. For
 * recording transcripts from real daemons (tests/lg/record.sh); no test
 * depends on it at run time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* Read one line into buf (with its newline); 0 at EOF. */
static size_t
read_line(int fd, char *buf, size_t cap)
{
	size_t n = 0;

	while (n + 1 < cap) {
		ssize_t r = read(fd, buf + n, 1);
		if (r <= 0)
			break;
		if (buf[n++] == '\n')
			break;
	}
	buf[n] = '\0';
	return n;
}

/* "DDDD " ends a reply; "DDDD-" and " ..." continue it. */
static int
is_final(const char *l)
{
	for (int i = 0; i < 4; i++)
		if (l[i] < '0' || l[i] > '9')
			return 0;
	return l[4] == ' ' || l[4] == '\n';
}

int
main(int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char line[4096];
	int fd;

	if (argc != 3 || strlen(argv[1]) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "usage: birdrec SOCKET COMMAND\n");
		return 2;
	}
	strcpy(sa.sun_path, argv[1]);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0 ||
	    connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		perror(argv[1]);
		return 1;
	}
	if (read_line(fd, line, sizeof(line)) == 0 || !is_final(line)) {
		fprintf(stderr, "birdrec: no greeting\n");
		return 1;
	}
	if (argv[2][0] == '\0') {
		fputs(line, stdout);
		return 0;
	}
	dprintf(fd, "%s\n", argv[2]);
	printf("C: %s\n", argv[2]);
	while (read_line(fd, line, sizeof(line)) > 0) {
		fputs(line, stdout);
		if (is_final(line))
			break;
	}
	close(fd);
	return 0;
}

/* killat: runs a command and kills it (SIGKILL) after a random delay, to
 * show that a writer killed at any moment leaves every file whole.
 *   killat MAXUS CMD [ARG...]
 * waits 0..MAXUS-1 microseconds (from getrandom, or from $KILLAT_SEED for a
 * repeatable run), then kills.  Prints "killed" if the command was still
 * running, "done N" if it had already exited with status N; exits 0, or
 * EX_OSERR if it could not run the command. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static unsigned long random_below(unsigned long max)
{
	unsigned long r = 0;
	const char *seed = getenv("KILLAT_SEED");
	if (seed && *seed) {
		srandom((unsigned)strtoul(seed, NULL, 10));
		r = (unsigned long)random();
	} else if (getrandom(&r, sizeof r, 0) != sizeof r)
		r = (unsigned long)time(NULL) ^ (unsigned long)getpid();
	return max ? r % max : 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: killat MAXUS CMD [ARG...]\n");
		return EX_USAGE;
	}
	unsigned long delay = random_below(strtoul(argv[1], NULL, 10));
	pid_t pid = fork();
	if (pid < 0) {
		perror("killat: fork");
		return EX_OSERR;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "killat: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	struct timespec ts = {(time_t)(delay / 1000000), (long)(delay % 1000000) * 1000};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	int st;
	pid_t r = waitpid(pid, &st, WNOHANG);
	if (r == 0) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	}
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
		printf("killed %lu\n", delay);
	else if (WIFEXITED(st))
		printf("done %d %lu\n", WEXITSTATUS(st), delay);
	else
		printf("signal %d %lu\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0, delay);
	return WIFEXITED(st) && WEXITSTATUS(st) == 127 ? EX_OSERR : 0;
}

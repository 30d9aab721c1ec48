#include "job.h"

void
job_start(struct job *j, void *(*fn)(void *), void *arg)
{
	j->fn = fn;
	j->arg = arg;
	j->threaded = pthread_create(&j->thread, NULL, fn, arg) == 0;
}

void
job_finish(struct job *j)
{
	if (j->threaded)
		pthread_join(j->thread, NULL);
	else
		j->fn(j->arg);
	j->threaded = false;
}

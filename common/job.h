/*
 * Work handed to a thread of its own, or, where none can be had, done at
 * job_finish on the caller's: either way it has run when job_finish
 * returns. What `fn` touches is its own until then.
 */
#ifndef IXP_JOB_H
#define IXP_JOB_H

#include <pthread.h>
#include <stdbool.h>

struct job {
	void		*(*fn)(void *);
	void		*arg;
	pthread_t	 thread;
	bool		 threaded;
};

void	job_start(struct job *j, void *(*fn)(void *), void *arg);
void	job_finish(struct job *j);

#endif

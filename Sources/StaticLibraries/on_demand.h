// A shared library loaded on the first call of one of its functions (dlopen), for libraries
// that only some commands need: the doccanon executable defines the functions it calls and
// forwards them, so that start-up does not load the library and everything it depends on.
#ifndef DOCCANON_ON_DEMAND_H
#define DOCCANON_ON_DEMAND_H
#include <dlfcn.h>
#include <pthread.h>

struct on_demand_library {
    const char *soname;
    pthread_once_t once;
    void *handle;
};

#define ON_DEMAND_LIBRARY(soname) {soname, PTHREAD_ONCE_INIT, NULL}

// The function `name` of the library, loading it on first use; NULL when the library is not
// installed or lacks the function (each caller then fails the way the library reports a failure).
void *on_demand_function(struct on_demand_library *library, const char *name);

#define QUOTE_(x) #x
#define QUOTE(x) QUOTE_(x)

// In a definition of `name`: `real`, the library's own `name` (NULL when it cannot be loaded).
// QUOTE expands a macro name first (ICU's ucnv_open is ucnv_open_72).
#define ON_DEMAND(library, name) __typeof__(name) *real = on_demand_function(&library, QUOTE(name))
#endif

#if defined(__linux__)
#include "on_demand.h"

// pthread_once passes no argument: the library being opened is handed over in a thread-local.
static __thread struct on_demand_library *opening;

static void open_library(void) { opening->handle = dlopen(opening->soname, RTLD_NOW | RTLD_LOCAL); }

void *on_demand_function(struct on_demand_library *library, const char *name) {
    opening = library;
    pthread_once(&library->once, open_library);
    return library->handle ? dlsym(library->handle, name) : NULL;
}
#endif

#ifndef STATIC_LIBRARIES_H
#define STATIC_LIBRARIES_H
// Nothing to call: the module exists for its link directives (see module.modulemap) and for
// the ICU converter functions that the static libxml2 refers to (icu_on_demand.c).
#endif

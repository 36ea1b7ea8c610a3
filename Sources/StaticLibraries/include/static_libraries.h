#ifndef STATIC_LIBRARIES_H
#define STATIC_LIBRARIES_H
// Nothing to call: the module exists for its link directives (see module.modulemap) and for
// the functions of libraries loaded on first use (ICU for the static libxml2, libxlsxwriter
// for `export`: *_on_demand.c).
#endif

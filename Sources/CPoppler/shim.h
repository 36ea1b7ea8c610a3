// poppler's core (libpoppler-private-dev) is C++ and is used only by the CPopplerShim target,
// which includes its headers itself. This module exists so that SwiftPM passes
// `pkg-config --cflags --libs poppler` to that target; it exposes nothing to Swift.
#ifndef DOCCANON_CPOPPLER_SHIM_H
#define DOCCANON_CPOPPLER_SHIM_H
#endif

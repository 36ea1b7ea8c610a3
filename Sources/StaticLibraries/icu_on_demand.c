// libxml2 (Debian builds it with ICU) calls six ICU converter functions, and only for an
// encoding that iconv does not know. Linking libicuuc would load it and libstdc++ into every
// process; these definitions load libicuuc on the first such call instead, and behave as
// "no converter" when it is not installed.
#if defined(__linux__)
#include "on_demand.h"
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static struct on_demand_library icu = ON_DEMAND_LIBRARY("libicuuc.so." QUOTE(U_ICU_VERSION_MAJOR_NUM));

#define FORWARD(name) ON_DEMAND(icu, name)

UConverter *ucnv_open(const char *name, UErrorCode *error) {
    FORWARD(ucnv_open);
    if (real) return real(name, error);
    *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

void ucnv_close(UConverter *converter) {
    FORWARD(ucnv_close);
    if (real) real(converter);
}

// The functions below receive a converter, which only exists when ucnv_open succeeded, so
// the library is loaded whenever they are reached.
void ucnv_convertEx(UConverter *targetCnv, UConverter *sourceCnv, char **target, const char *targetLimit,
                    const char **source, const char *sourceLimit, UChar *pivotStart, UChar **pivotSource,
                    UChar **pivotTarget, const UChar *pivotLimit, UBool reset, UBool flush, UErrorCode *error) {
    FORWARD(ucnv_convertEx);
    if (real) real(targetCnv, sourceCnv, target, targetLimit, source, sourceLimit, pivotStart, pivotSource,
                   pivotTarget, pivotLimit, reset, flush, error);
    else *error = U_FILE_ACCESS_ERROR;
}

void ucnv_setToUCallBack(UConverter *converter, UConverterToUCallback action, const void *context,
                         UConverterToUCallback *oldAction, const void **oldContext, UErrorCode *error) {
    FORWARD(ucnv_setToUCallBack);
    if (real) real(converter, action, context, oldAction, oldContext, error);
    else *error = U_FILE_ACCESS_ERROR;
}

void ucnv_setFromUCallBack(UConverter *converter, UConverterFromUCallback action, const void *context,
                           UConverterFromUCallback *oldAction, const void **oldContext, UErrorCode *error) {
    FORWARD(ucnv_setFromUCallBack);
    if (real) real(converter, action, context, oldAction, oldContext, error);
    else *error = U_FILE_ACCESS_ERROR;
}

// libxml2 passes these two callbacks to the set-callback functions above; ICU then calls
// them back, and they forward to ICU's own.
void UCNV_TO_U_CALLBACK_STOP(const void *context, UConverterToUnicodeArgs *args, const char *units, int32_t length,
                             UConverterCallbackReason reason, UErrorCode *error) {
    FORWARD(UCNV_TO_U_CALLBACK_STOP);
    if (real) real(context, args, units, length, reason, error);
}

void UCNV_FROM_U_CALLBACK_STOP(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
                               int32_t length, UChar32 codePoint, UConverterCallbackReason reason, UErrorCode *error) {
    FORWARD(UCNV_FROM_U_CALLBACK_STOP);
    if (real) real(context, args, units, length, codePoint, reason, error);
}
#endif

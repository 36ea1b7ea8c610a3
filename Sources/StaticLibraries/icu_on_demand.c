// libxml2 (Debian builds it with ICU) calls six ICU converter functions, and only for an
// encoding that iconv does not know. Linking libicuuc would load it and libstdc++ into every
// process; these definitions load libicuuc on the first such call instead (dlopen), and
// behave as "no converter" when it is not installed.
#if defined(__linux__)
#include <dlfcn.h>
#include <pthread.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#define QUOTE_(x) #x
#define QUOTE(x) QUOTE_(x)
// ICU renames every function with its major version (ucnv_open -> ucnv_open_72): QUOTE
// expands the macro first, so the names below are the library's real ones.
#define ICU_LIBRARY "libicuuc.so." QUOTE(U_ICU_VERSION_MAJOR_NUM)

static void *icu_library;
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

static void icu_open(void) { icu_library = dlopen(ICU_LIBRARY, RTLD_NOW | RTLD_LOCAL); }

static void *icu_function(const char *name) {
    pthread_once(&icu_once, icu_open);
    return icu_library ? dlsym(icu_library, name) : NULL;
}

UConverter *ucnv_open(const char *name, UErrorCode *error) {
    UConverter *(*real)(const char *, UErrorCode *) = icu_function(QUOTE(ucnv_open));
    if (real) return real(name, error);
    *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

void ucnv_close(UConverter *converter) {
    void (*real)(UConverter *) = icu_function(QUOTE(ucnv_close));
    if (real) real(converter);
}

// The functions below receive a converter, which only exists when ucnv_open succeeded, so
// the library is loaded whenever they are reached.
void ucnv_convertEx(UConverter *targetCnv, UConverter *sourceCnv, char **target, const char *targetLimit,
                    const char **source, const char *sourceLimit, UChar *pivotStart, UChar **pivotSource,
                    UChar **pivotTarget, const UChar *pivotLimit, UBool reset, UBool flush, UErrorCode *error) {
    void (*real)(UConverter *, UConverter *, char **, const char *, const char **, const char *, UChar *, UChar **,
                 UChar **, const UChar *, UBool, UBool, UErrorCode *) = icu_function(QUOTE(ucnv_convertEx));
    if (real) real(targetCnv, sourceCnv, target, targetLimit, source, sourceLimit, pivotStart, pivotSource,
                   pivotTarget, pivotLimit, reset, flush, error);
    else *error = U_FILE_ACCESS_ERROR;
}

void ucnv_setToUCallBack(UConverter *converter, UConverterToUCallback action, const void *context,
                         UConverterToUCallback *oldAction, const void **oldContext, UErrorCode *error) {
    void (*real)(UConverter *, UConverterToUCallback, const void *, UConverterToUCallback *, const void **,
                 UErrorCode *) = icu_function(QUOTE(ucnv_setToUCallBack));
    if (real) real(converter, action, context, oldAction, oldContext, error);
    else *error = U_FILE_ACCESS_ERROR;
}

void ucnv_setFromUCallBack(UConverter *converter, UConverterFromUCallback action, const void *context,
                           UConverterFromUCallback *oldAction, const void **oldContext, UErrorCode *error) {
    void (*real)(UConverter *, UConverterFromUCallback, const void *, UConverterFromUCallback *, const void **,
                 UErrorCode *) = icu_function(QUOTE(ucnv_setFromUCallBack));
    if (real) real(converter, action, context, oldAction, oldContext, error);
    else *error = U_FILE_ACCESS_ERROR;
}

// libxml2 passes these two callbacks to the set-callback functions above; ICU then calls
// them back, and they forward to ICU's own.
void UCNV_TO_U_CALLBACK_STOP(const void *context, UConverterToUnicodeArgs *args, const char *units, int32_t length,
                             UConverterCallbackReason reason, UErrorCode *error) {
    void (*real)(const void *, UConverterToUnicodeArgs *, const char *, int32_t, UConverterCallbackReason,
                 UErrorCode *) = icu_function(QUOTE(UCNV_TO_U_CALLBACK_STOP));
    if (real) real(context, args, units, length, reason, error);
}

void UCNV_FROM_U_CALLBACK_STOP(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
                               int32_t length, UChar32 codePoint, UConverterCallbackReason reason, UErrorCode *error) {
    void (*real)(const void *, UConverterFromUnicodeArgs *, const UChar *, int32_t, UChar32, UConverterCallbackReason,
                 UErrorCode *) = icu_function(QUOTE(UCNV_FROM_U_CALLBACK_STOP));
    if (real) real(context, args, units, length, codePoint, reason, error);
}
#endif

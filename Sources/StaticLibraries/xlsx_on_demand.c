// libxlsxwriter (and through it libminizip and libcrypto) serves only `doccanon export
// --format xlsx`: these definitions of the functions XLSXSupport calls load it on first use.
// Without the library, workbook_new_opt returns NULL as for any workbook it cannot create.
#if defined(__linux__)
#include "on_demand.h"
#include <xlsxwriter.h>

static struct on_demand_library xlsx = ON_DEMAND_LIBRARY("libxlsxwriter.so." LXW_SOVERSION);

#define FORWARD(name) ON_DEMAND(xlsx, name)

lxw_workbook *workbook_new_opt(const char *filename, lxw_workbook_options *options) {
    FORWARD(workbook_new_opt);
    return real ? real(filename, options) : NULL;
}

// The functions below receive a workbook, a worksheet or a format, which exist only when
// workbook_new_opt succeeded, so the library is loaded whenever they are reached.
lxw_worksheet *workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname) {
    FORWARD(workbook_add_worksheet);
    return real ? real(workbook, sheetname) : NULL;
}

lxw_format *workbook_add_format(lxw_workbook *workbook) {
    FORWARD(workbook_add_format);
    return real ? real(workbook) : NULL;
}

lxw_error workbook_close(lxw_workbook *workbook) {
    FORWARD(workbook_close);
    return real ? real(workbook) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

void format_set_bold(lxw_format *format) {
    FORWARD(format_set_bold);
    if (real) real(format);
}

lxw_error worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                 lxw_format *format) {
    FORWARD(worksheet_write_string);
    return real ? real(worksheet, row, col, string, format) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

lxw_error worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                 lxw_format *format) {
    FORWARD(worksheet_write_number);
    return real ? real(worksheet, row, col, number, format) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

lxw_error worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first, lxw_col_t last, double width,
                               lxw_format *format) {
    FORWARD(worksheet_set_column);
    return real ? real(worksheet, first, last, width, format) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

void worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col) {
    FORWARD(worksheet_freeze_panes);
    if (real) real(worksheet, row, col);
}

char *lxw_strerror(lxw_error error) {
    FORWARD(lxw_strerror);
    return real ? real(error) : "libxlsxwriter could not be loaded";
}
#endif

/// The kinds of damage real extractions and careless typesetting do to a report (issue 6).
/// Each can be combined with any other; they apply in the order declared (formatting before
/// OCR slips, as a scanner sees the printed page).
public enum DamageOperator: String, Sendable, CaseIterable, Comparable {
    /// A value cell lost (the row has one cell fewer).
    case droppedCells
    /// A value cell repeated next to itself.
    case duplicatedCells
    /// A data row that lost its label cells.
    case lostLeadingCells
    /// Labels broken by spaces and line breaks ("自然 人", "（三）不\n予公开").
    case splitLabels
    /// Labels without their list numbering, as when Word's automatic numbering is not
    /// written out ("属于国家秘密", "予以公开", "其他").
    case lostNumbering
    /// A data row's values on the next row, its label alone on its own.
    case valuesOnNextRow
    /// Empty spacer rows inside a table.
    case emptyRows
    /// A remarks column (备注) added at the right of a table, mostly empty, sometimes text.
    case extraColumn
    /// A header row broken into two rows ("商业" over "企业").
    case splitHeaderRows
    /// Table 三 with a 法人或其他组织 subtotal column that the official template does not have
    /// (a third-party template seen in the wild).
    case subtotalColumn
    /// Row labels worded differently from the template ("（二）部分公开", "1.国家秘密").
    case labelVariants
    /// Group labels written on every row of their group instead of one merged cell.
    case repeatedGroupLabels
    /// A table's header rows missing.
    case missingHeaders
    /// A table split across pages, its header repeated on the second page.
    case pageSplitRepeatedHeader
    /// A table split across pages, the second part without a header.
    case pageSplitMissingHeader
    /// A table split across pages in the middle of a row: the row's first cells end one part,
    /// the rest open the next.
    case rowBrokenAcrossPages
    /// Page-number lines ("— 3 —") inside a table.
    case pageNumberLines
    /// Rows that are not in the template ("其他主动公开文件").
    case extraRows
    /// Wrong rowspan or colspan on merged cells.
    case wrongSpans
    /// Cells left blank.
    case blankCells
    /// Zeros written as placeholders ("—", "/", "无").
    case placeholders
    /// Thousands separators ("1,878").
    case thousandsSeparators
    /// Values with units ("1200元", "12件").
    case units
    /// Digits in full width ("１８７８").
    case fullWidthDigits
    /// OCR slips in numbers: O or o for 0 ("1O5").
    case ocrDigits
    /// OCR slips in labels: 冇 for 有, "3," for "3.".
    case ocrLabels
    /// Section headings missing.
    case missingHeadings
    /// Section headings renumbered ("1、总体情况") or unnumbered.
    case renumberedHeadings
    /// Title and date written other ways ("XX政府信息公开工作2021年度报告", "2022.2.15").
    case titleAndDateVariants
    /// The title broken over two lines.
    case splitTitle
    /// The signature date in Chinese numerals ("二〇二二年二月十五日").
    case chineseDate

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// True for damage to the page (title, headings, date) rather than to table cells.
    public var isPageDamage: Bool {
        switch self {
        case .missingHeadings, .renumberedHeadings, .titleAndDateVariants, .splitTitle, .chineseDate: return true
        default: return false
        }
    }
}

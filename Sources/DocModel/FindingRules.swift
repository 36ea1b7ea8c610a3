/// Per-rule constructors of the findings the report profile and the aligner produce: the
/// message is written here, once per rule, from typed parameters kept in `Finding.detail`.

/// The parameters of a finding (see `Finding.detail`).
public enum FindingDetail: Sendable, Hashable {
    /// A total that its parts do not give: what the table states and what the parts add up to.
    case sum(stated: Int, parts: Int)
    /// A column of 表三 that does not balance: newlyReceived + carriedOver against
    /// results.total + carriedForward.
    case balance(newlyReceived: Int, carriedOver: Int, resultsTotal: Int, carriedForward: Int)
    /// A cell's text as written (placeholder, unreadable cell), or a name (a missing table or
    /// section, a repeated heading).
    case text(String)
    /// Text changed: a repair, a unit conversion.
    case change(from: String, to: String)
    /// A label of the source and the template label it was read as.
    case label(source: String, template: String)
    /// Text cells left unread.
    case cells([String])
    case value(Value)
    case year(Int?)
    /// A count of things (invalid byte sequences, columns of joined tables) and what they are.
    case quantity(Int, of: String)
    /// A row read one of several ways: its cells and columns, how the reading was chosen,
    /// the values taken and (up to three) other readings.
    case reading(cells: Int, columns: Int, decision: ReadingDecision, chosen: [Value?], others: [[Value?]])
    /// Digits run together ("6233440") and the splits into the row's columns that the text and
    /// the arithmetic leave possible (up to four; `count` of them in all, nil when too many to count).
    case splits(digits: String, columns: Int, splits: [[Value?]], count: Int?)
    /// A number the prose states for a cell, and the words that state it.
    case stated(Int, claim: String)
}

/// How the aligner chose between the readings of a row (`table.ambiguous`), most certain first.
public enum ReadingDecision: Sendable, Hashable {
    /// Only one reading keeps the table's arithmetic best.
    case arithmetic
    /// Readings differing only in which surplus blanks they drop: the header's column positions.
    case position
    /// As `position`, the positions tied too: the plain reading (trailing blanks dropped).
    case defaultReading
    /// Readings that move cells tie: the cells they disagree on are null.
    case undecided
    /// A surplus cell was a value written twice, not a blank; the arithmetic says which.
    case repeatedValue
    /// As `repeatedValue`, but which one is undecided: cells the readings disagree on are null.
    case repeatedValueUndecided
    /// No choice: the surplus values dropped, every reading gives the same values.
    case surplusDropped(Int)
    /// Digits run together: only one of their splits keeps the table's arithmetic best.
    case digitSplit
    /// Readings tied: the prose states one of the cells (`value.fromProse`); the cells the
    /// readings agreeing with it still disagree on are null.
    case prose

    var reason: String {
        switch self {
        case .arithmetic: return "由表内勾稽关系确定"
        case .position: return "由表头列位置确定"
        case .defaultReading: return "无法由勾稽关系或列位置区分，取默认读法"
        case .undecided: return "无法由勾稽关系或列位置区分，各读法不一致的单元格取 null"
        case .repeatedValue: return "多出的单元格不是空白而是重复的值，由表内勾稽关系确定"
        case .repeatedValueUndecided: return "多出的单元格不是空白而是重复的值，无法确定是哪一个，各读法不一致的单元格取 null"
        case .surplusDropped(let n): return "舍去 \(n) 个多出的值后各种读法结果相同"
        case .digitSplit: return "连在一起的数字只有这一种拆分最符合表内勾稽关系"
        case .prose: return "无法由勾稽关系或列位置区分，按正文所述数字取与之相符的读法，其中仍不一致的单元格取 null"
        }
    }
}

extension Finding {
    static func show(_ v: Value?) -> String {
        switch v {
        case .integer(let i)?: return String(i)
        case .decimal(let s)?, .text(let s)?: return s
        case nil: return "null"
        }
    }

    static func show(_ values: [Value?]) -> String { "[" + values.map { show($0) }.joined(separator: ", ") + "]" }

    // MARK: Validator rules

    /// `applications.balance`: a column where new + carried over ≠ results total + carried forward.
    public static func balance(column: String, name: String, newlyReceived a: Int, carriedOver b: Int, resultsTotal c: Int, carriedForward d: Int) -> Finding {
        Finding(
            .applicationsBalance, "“\(name)”列：新收 \(a) + 上年结转 \(b) = \(a + b)，而办理结果总计 \(c) + 结转下年度 \(d) = \(c + d)",
            path: "applications.results.total.\(column)", detail: .balance(newlyReceived: a, carriedOver: b, resultsTotal: c, carriedForward: d))
    }

    /// `applications.rowTotal`: a row whose total is not the sum of its six applicant columns.
    public static func rowTotal(row: String, total: Int, parts: Int) -> Finding {
        Finding(.applicationsRowTotal, "“总计”为 \(total)，六类申请人之和为 \(parts)", path: "applications.\(row).total", detail: .sum(stated: total, parts: parts))
    }

    /// `applications.resultsTotal`: a column whose （七）总计 is not the sum of the result rows.
    public static func resultsTotal(column: String, name: String, total: Int, parts: Int) -> Finding {
        Finding(
            .applicationsResultsTotal, "“\(name)”列：（七）总计为 \(total)，各办理结果之和为 \(parts)",
            path: "applications.results.total.\(column)", detail: .sum(stated: total, parts: parts))
    }

    /// `reviews.total`: a group of 表四 whose total is not the sum of its four outcomes.
    public static func reviewsTotal(group: String, name: String, total: Int, parts: Int) -> Finding {
        Finding(
            .reviewsTotal, "\(name)：总计为 \(total)，维持、纠正、其他、尚未审结之和为 \(parts)",
            path: "reviewsAndLitigation.\(group).total", detail: .sum(stated: total, parts: parts))
    }

    public static func negative(_ value: Value, path: String) -> Finding {
        Finding(.valueNegative, "数值为负：\(show(value))", path: path, detail: .value(value))
    }

    public static func blank(path: String) -> Finding {
        Finding(.valueBlank, "空白单元格（值为 null）", path: path, detail: .cells([]))
    }

    /// `table.missing`; `name` is how the report names the table ("表三“…”").
    public static func tableMissing(_ key: String, name: String) -> Finding {
        Finding(.tableMissing, "未找到\(name)", path: key, detail: .text(key))
    }

    /// `table.unfilled`: the table's labels are printed, with no value in any cell.
    public static func tableUnfilled(_ key: String, name: String) -> Finding {
        Finding(.tableUnfilled, "\(name)只印有栏目，未填任何数值：按空白表读取，各单元格为 null", path: key, detail: .text(key))
    }

    public static func sectionMissing(_ id: String, name: String) -> Finding {
        Finding(.sectionMissing, "未找到“\(name)”部分（\(id)）", path: "sections", detail: .text(id))
    }

    public static func templateOutdated(year: Int) -> Finding {
        Finding(.templateOutdated, "\(year)年度报告使用了2019年版格式（国办公开办函〔2019〕60号）", path: "metadata.template", detail: .year(year))
    }

    // MARK: Conversion rules

    /// `source.encoding`: the page declares one charset but its bytes are another.
    public static func encodingMismatch(declared: String, detected: String) -> Finding {
        Finding(.sourceEncoding, "页面声明的字符集为 \(declared)，但其字节是 \(detected)，按 \(detected) 读取", path: nil, detail: .change(from: declared, to: detected))
    }

    /// `source.encoding`: byte sequences invalid in the encoding read, replaced by U+FFFD.
    public static func invalidBytes(_ count: Int, encoding: String) -> Finding {
        Finding(.sourceEncoding, "\(count) 个在 \(encoding) 中无效的字节序列替换为 U+FFFD", path: nil, detail: .quantity(count, of: encoding))
    }

    /// `source.restructured`: page-number lines dropped (`example` one of them).
    public static func pageNumbersRemoved(_ count: Int, example: String) -> Finding {
        Finding(.sourceRestructured, "去掉 \(count) 行页码（如“\(example)”），表格在页码两侧接续读取", path: nil, detail: .quantity(count, of: "pageNumberLines"))
    }

    /// `source.restructured`: a scraper's header, the site's menus and footer dropped from a
    /// text dump (`count` lines); `kept` names the labelled values kept as document properties.
    public static func scraperChromeRemoved(_ count: Int, kept: [String]) -> Finding {
        let names = kept.isEmpty ? "" : "，其中的\(kept.joined(separator: "、"))作为文档属性"
        return Finding(.sourceRestructured, "去掉网页抓取留下的页眉、菜单和页脚 \(count) 行" + names, path: nil, detail: .quantity(count, of: "chromeLines"))
    }

    /// `source.restructured`: a one-cell table (a layout frame) read as its `blocks` blocks.
    public static func layoutFrameUnwrapped(blocks: Int) -> Finding {
        Finding(.sourceRestructured, "一个单格表格（版式框）按其中的内容读取：\(blocks) 个块", path: nil, detail: .quantity(blocks, of: "blocks"))
    }

    /// `source.restructured`: a table nested in a cell of the `table`-th table (1-based), moved after it.
    public static func nestedTableMoved(table: Int) -> Finding {
        Finding(.sourceRestructured, "第\(table)个表格的单元格中嵌套的表格移到该表格之后，作为独立表格读取", path: nil, detail: .quantity(table, of: "outerTable"))
    }

    /// `source.restructured`: adjacent tables of the same columns joined (a table split in parts).
    public static func tablesJoined(columns: Int) -> Finding {
        Finding(.sourceRestructured, "相邻的 \(columns) 列表格合并为一个（一个表格被拆成了几段）", path: nil, detail: .quantity(columns, of: "columns"))
    }

    public static func templateInferred(year: Int?, template: String) -> Finding {
        Finding(
            .templateInferred, "表格标签不足以判断格式版本，按报告年度\(year.map(String.init) ?? "（未知，默认）")取\(template)年版",
            path: "metadata.template", detail: .year(year))
    }

    public static func sectionRepeated(heading: String) -> Finding {
        Finding(.sectionRepeated, "“\(heading)”再次出现，其后的段落并入第一次出现的该部分", path: "sections", detail: .text(heading))
    }

    /// `text.repaired` on a label: OCR slips mended against the template's wording.
    public static func labelRepaired(_ label: String, repairs: [String], path: String) -> Finding {
        Finding(.textRepaired, "标签“\(label)”修复为模板用语（\(repairs.joined(separator: "；"))）", path: path, detail: .change(from: label, to: repairs.joined(separator: "；")))
    }

    /// `text.repaired` in a number: letters that look like digits ("1O" → "10").
    public static func digitsRepaired(from: String, to: String, path: String) -> Finding {
        Finding(.textRepaired, "数字“\(from)”中的类字母字符修复为“\(to)”", path: path, detail: .change(from: from, to: to))
    }

    public static func placeholder(_ raw: String, path: String) -> Finding {
        Finding(.valuePlaceholder, "占位符“\(raw)”读作 0", path: path, detail: .text(raw))
    }

    public static func unreadable(_ raw: String, path: String) -> Finding {
        Finding(.valueUnreadable, "单元格内容“\(raw)”不是数字", path: path, detail: .text(raw))
    }

    public static func unitConverted(from: String, to: String, path: String) -> Finding {
        Finding(.valueUnitConverted, "“\(from)”换算为模板单位：\(to)", path: path, detail: .change(from: from, to: to))
    }

    /// `table.extraRow`: a row outside the template (`label` empty: it has none).
    public static func extraRow(table: String, title: String, label: String) -> Finding {
        Finding(.tableExtraRow, "\(title)：模板外的行“\(label.isEmpty ? "（无标签）" : label)”保留在 extraRows", path: "\(table).extraRows", detail: .label(source: label, template: ""))
    }

    /// `table.ambiguous`: a row with values whose label completes the row above's (a row cut in
    /// two, at a page break or by a wrapped label): its values stay in extraRows, and the cut
    /// row's values may be incomplete.
    public static func rowCut(table: String, title: String, label: String, row: String) -> Finding {
        Finding(
            .tableAmbiguous,
            "\(title)：行“\(label)”是上一行被截断（跨页或换行）的后半，其值保留在 extraRows，未并入 \(row)；该行的值可能不全",
            path: "\(table).\(row)", detail: .label(source: label, template: row))
    }

    /// `source.restructured`: `count` values on a line after a row that lacked them (the row
    /// cut at a page break, or its values moved down a line), joined to the row.
    public static func valuesJoined(title: String, row: String, count: Int, path: String) -> Finding {
        Finding(.sourceRestructured, "\(title)“\(row)”行缺少的 \(count) 个值在其后单独一行（跨页或换行），已并入该行", path: path, detail: .quantity(count, of: "values"))
    }

    /// `table.extraRow`: a template row found a second time (the first one's values are used).
    public static func repeatedRow(table: String, title: String, label: String, row: String) -> Finding {
        Finding(.tableExtraRow, "\(title)：第二次出现的行“\(label)”保留在 extraRows（首次出现的值用于 \(row)）", path: "\(table).extraRows", detail: .label(source: label, template: row))
    }

    /// `table.rowMissing`; `label` nil for a row without a label (表四's data row).
    public static func rowMissing(title: String, label: String?, path: String) -> Finding {
        Finding(.tableRowMissing, "\(title)：未找到\(label.map { "“\($0)”行" } ?? "数据行")，其值为空", path: path, detail: .label(source: "", template: label ?? ""))
    }

    public static func rowInferred(title: String, label: String, row: String, path: String) -> Finding {
        Finding(.tableRowInferred, "\(title)：一行没有可识别的标签（“\(label)”），按其位置读作“\(row)”", path: path, detail: .label(source: label, template: row))
    }

    public static func labelVariant(_ label: String, template: String, path: String) -> Finding {
        Finding(.tableLabelVariant, "标签“\(label)”与模板“\(template)”措辞不同，按相近匹配读取", path: path, detail: .label(source: label, template: template))
    }

    public static func extraCells(title: String, row: String, cells: [String], path: String) -> Finding {
        let quoted = cells.map { "“\($0)”" }.joined(separator: "、")
        return Finding(.tableExtraCell, "\(title)“\(row)”行末多出的文字单元格 \(quoted) 不是数值，未读入", path: path, detail: .cells(cells))
    }

    /// `table.ambiguous`: a row of `cells` cells for `columns` columns, read as `chosen`.
    public static func ambiguous(title: String, row: String, cells: Int, columns: Int, decision: ReadingDecision, chosen: [Value?], others: [[Value?]], path: String) -> Finding {
        let how: String
        if case .surplusDropped = decision {
            how = "\(decision.reason)：\(show(chosen))"
        } else {
            how = "\(decision.reason)，取 \(show(chosen))；其他读法 \(others.map { show($0) }.joined(separator: " "))"
        }
        return Finding(
            .tableAmbiguous, "\(title)“\(row)”：\(cells) 个单元格对应 \(columns) 列，可有多种对齐；\(how)", path: path,
            detail: .reading(cells: cells, columns: columns, decision: decision, chosen: chosen, others: others))
    }

    /// `value.undecidable`: digits run together whose split neither the text nor the arithmetic
    /// decides; the cells the possible splits disagree on are null.
    public static func undecidable(title: String, row: String, digits: String, columns: Int, splits: [[Value?]], count: Int?, path: String) -> Finding {
        let how: String
        switch (count, splits.isEmpty) {
        case (nil, _): how = "可能的拆分过多（超过 \(columns) 列可穷举的范围），该行取 null"
        case (_, true): how = "无法拆成 \(columns) 个数值（可能有空白单元格），该行取 null"
        case (let n?, false): how = "有 \(n) 种拆分同样符合表内勾稽关系，各拆分不一致的单元格取 null；可能的拆分 \(splits.map { show($0) }.joined(separator: " "))"
        }
        return Finding(
            .valueUndecidable, "\(title)“\(row)”：连在一起的数字“\(digits)”拆成 \(columns) 列，\(how)", path: path,
            detail: .splits(digits: digits, columns: columns, splits: splits, count: count))
    }

    /// `value.fromProse`: a cell the readings of its row disagree on, taken from the number the
    /// prose states for it (only a number one of the readings gives there).
    public static func fromProse(title: String, row: String, column: String, stated: Int, claim: String, path: String) -> Finding {
        Finding(
            .valueFromProse, "\(title)“\(row)”\(column)：表中读法不一，正文称“\(claim)”，取 \(stated)", path: path,
            detail: .stated(stated, claim: claim))
    }
}

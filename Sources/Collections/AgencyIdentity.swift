import Normalization

/// Which reports belong to one agency: a key made from the agency's name by fixed, written-down
/// rules (docs/model.md, "Agency identity"; `doccanon check --explain-agencies`). Two names with
/// the same key are one agency. Names that are merely close (one edit apart, or one containing
/// the other) are never merged: `AgencyVariants` reports them.
public enum AgencyIdentity {
    /// Where a report's agency name came from.
    public enum NameSource: String, Sendable, Equatable {
        /// The page's own 发布机构 (or 发文机关, 发布单位…) property.
        case publisher
        /// `metadata.agency`: the closing signature, else the title.
        case metadata
    }

    /// The name to identify a report by: the source's 发布机构 property when it has one (the
    /// portal states it for the page), else the report's `metadata.agency`.
    public static func name(publisher: String?, agency: String?) -> (name: String, source: NameSource)? {
        if let p = publisher, !key(p).isEmpty { return (p, .publisher) }
        if let a = agency, !key(a).isEmpty { return (a, .metadata) }
        return nil
    }

    /// Variant spellings of one word, each replaced by the first form, in this order.
    public static let variants: [(from: String, to: String)] = [
        ("人民政府办公厅", "政府办公室"),
        ("人民政府办公室", "政府办公室"),
        ("政府办公厅", "政府办公室"),
        ("人民政府", "政府"),
        ("管理委员会", "管委会"),
        ("街道办事处", "街道"),
        ("街道办", "街道"),
        ("中华人民共和国", ""),
    ]

    /// Characters dropped from a name: spaces of every width, zero-width characters, and the
    /// punctuation that names carry only as decoration.
    static let dropped: Set<Unicode.Scalar> = [
        " ", "\t", "\n", "\r", "\u{3000}", "\u{A0}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}",
        "·", "•", "・", "\"", "'", "“", "”", "‘", "’", "《", "》", "〈", "〉", "「", "」",
    ]

    /// The identity key of an agency name:
    /// 1. full-width letters, digits and ASCII punctuation become half-width (ＡＢＣ１ → ABC1),
    ///    full-width brackets （） become ();
    /// 2. every space (ideographic and no-break included), zero-width character, middle dot and
    ///    quotation mark is removed;
    /// 3. a trailing "(盖章)"/"（章）" seal note is removed;
    /// 4. the variant words of `variants` are unified (人民政府办公厅/人民政府办公室/政府办公厅 →
    ///    政府办公室; 人民政府 → 政府; 管理委员会 → 管委会; 街道办事处/街道办 → 街道);
    /// 5. Latin letters are lower-cased.
    public static func key(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            var s = s
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) { s = half }
            if dropped.contains(s) { continue }
            if ("A"..."Z").contains(s), let lower = Unicode.Scalar(s.value + 32) { s = lower }
            scalars.append(s)
        }
        var text = String(scalars)
        for seal in ["(盖章)", "(章)", "(印章)"] where text.hasSuffix(seal) {
            text = String(text.dropLast(seal.count))
        }
        for (from, to) in variants { text = text.replacingAll(from, with: to) }
        return text
    }

    /// The rules as lines of text, for `doccanon check --explain-agencies`.
    public static var explanation: [String] {
        var lines = [
            "报告的机构名称：来源页面的“发布机构”（发文机关、发布单位等）属性优先，否则取 metadata.agency（落款，其次标题）。",
            "机构键（同键即同一机构）按以下顺序计算：",
            "1. 全角字母、数字与 ASCII 标点转为半角，全角括号（）转为 ()；",
            "2. 删除所有空白（含全角空格、不换行空格）、零宽字符、间隔号与引号、书名号；",
            "3. 删除末尾的“(盖章)”“(章)”“(印章)”；",
            "4. 统一异写（依次替换）：",
        ]
        for (from, to) in variants { lines.append("   \(from) → \(to.isEmpty ? "（删除）" : to)") }
        lines += [
            "5. 拉丁字母转为小写。",
            "6. 一个键是另一个键前加上级行政区划（以省、市、州、盟、地区、自治区结尾，至多 12 个字），且没有别的键是它前加另一区划时，两者视为同一机构（如“淮安市洪泽区政府”与“洪泽区政府”；“南京市鼓楼区政府”与“福州市鼓楼区政府”并存时“鼓楼区政府”不合并），并报告 collection.agencyVariant（info）。",
            "相近而不同键的名称（编辑距离为 1，或一个名称包含另一个且至少 4 个字）不合并：",
            "当两者没有同一年度的报告（可能是同一机构的不同写法）时，报告 collection.agencyVariant（info）。",
        ]
        return lines
    }
}

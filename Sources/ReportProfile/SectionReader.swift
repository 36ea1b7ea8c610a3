import DocModel
import Normalization

/// Finds the six sections by their headings, whatever their numbering ("一、", "1、", none)
/// and wording variants, and gives each its paragraphs (table text excluded). Nothing is
/// lost: text before the first heading (the report's preamble) opens the first section, and a
/// heading that comes again stays as a paragraph where its section goes on.
enum SectionReader {
    /// Sections, findings, and the index of the first block of the closing signature (if any).
    /// `title`: the blocks the report's title was read from (not section text).
    static func read(_ blocks: [Block], title: Range<Int>? = nil) -> ([Section], [Finding], Int?) {
        var sections: [Section] = []
        var findings: [Finding] = []
        var preamble: [String] = []
        var current: Int?
        let signatureStart = MetadataReader.signatureStart(blocks)
        // A 版记 after the signature (抄送, the printing office) stays text of the last section.
        let record = MetadataReader.recordStart(blocks)
        for (index, block) in blocks.enumerated() {
            if let s = signatureStart, index >= s, index < record { continue }
            if let t = title, t.contains(index) { continue }
            guard let text = block.text else { continue }
            if let id = sectionID(of: text) {
                if let existing = sections.firstIndex(where: { $0.id == id }) {
                    findings.append(.sectionRepeated(heading: text))
                    sections[existing].paragraphs.append(text)
                    current = existing
                    continue
                }
                let order = (SectionID.allCases.firstIndex(of: id) ?? 0)
                if let c = current, (SectionID.allCases.firstIndex(of: sections[c].id) ?? 0) > order {
                    // A heading for an earlier section after a later one: text, not structure.
                    sections[c].paragraphs.append(text)
                    continue
                }
                sections.append(Section(id: id, heading: text, paragraphs: []))
                current = sections.count - 1
                continue
            }
            if let c = current { sections[c].paragraphs.append(text) } else { preamble.append(text) }
        }
        if !sections.isEmpty { sections[0].paragraphs.insert(contentsOf: preamble, at: 0) }
        return (sections, findings, signatureStart)
    }

    /// The section a heading names, or nil when the line is not a section heading.
    /// A heading must look like one: short, not a sentence (no "，", "。", "；", no closing
    /// "：" that announces a list), numbered or short enough to stand alone on its line, and not
    /// a denial ("无其他需要报告的事项").
    static func sectionID(of text: String) -> SectionID? {
        // A scalar is at most four bytes: a longer text is no heading, without counting.
        guard text.utf8.count <= 4 * 45, text.unicodeScalars.count <= 45, let last = text.last, !TextMarks.isMark(last, TextMarks.isClosingMark) else { return nil }
        guard !TextMarks.containsMark(text, TextMarks.isSentenceMark) else { return nil }
        let key = LabelKey.make(text)
        // Top-level numbering only: "一、", "1、", "1." or none; "（一）" marks a subsection.
        if let first = key.numbering.first {
            if first.hasPrefix("(") { return nil }
            if key.numbering.count > 1 { return nil }
        }
        let core = key.core
        guard !core.isEmpty, core.unicodeScalars.count <= (key.numbering.isEmpty ? 24 : 36) else { return nil }
        // A line that denies ("无其他需要报告的事项", "暂无…") is the section's text, not its heading.
        if key.numbering.isEmpty, ["无", "暂无", "没有", "本年度无"].contains(where: { core.hasPrefix($0) }) { return nil }
        if core.containsBytes("其他需要报告的事项") { return .otherMatters }
        if core.containsBytes("存在的主要问题") || (core.containsBytes("问题") && core.containsBytes("改进")) { return .problemsAndImprovements }
        // "行政复议、行政诉讼", "复议、诉讼" (older wording), and a stray character inside the words
        // ("行政法复议") still name both proceedings; 表四's group header "行政诉讼（复议后起诉）" does not.
        if core.containsBytes("复议") && core.containsBytes("诉讼") && !core.containsBytes("起诉") { return .reviewsAndLitigation }
        if core.containsBytes("收到和处理") || (core.containsBytes("依申请公开") && core.containsBytes("情况")) || core.containsBytes("政府信息公开申请情况") { return .applications }
        if core.containsBytes("主动公开") && core.containsBytes("政府信息") { return .activeDisclosure }
        if core.containsBytes("总体情况") || core == "概述" { return .overview }
        return nil
    }
}

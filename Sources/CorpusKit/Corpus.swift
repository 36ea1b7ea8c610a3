import DocModel

/// The damaged-report corpus (issue 6): report `index` of the corpus `seed` is always the same
/// report, on every platform.
///
/// How a report is made: `ReportGenerator` draws consistent values for the template (table 三
/// balances per column, every row total is its sum, table 四 totals add up; one in five damaged
/// reports gets one rule broken on purpose), lays them out as the official tables with their
/// merged cells (`Layout`), then `Damager` applies the report's damage operators to the layout
/// and keeps the `Truth` in step: a blanked cell is expected null, a placeholder 0, and a row
/// that lost or repeated a cell has each cell marked determinable or not (`Determinability`:
/// every fit of the row's cells that breaks no more of the arithmetic than the true one is
/// possible; a cell they disagree on cannot be told from the source). The renderers write the
/// same layout as text (three shapes, three ways of writing merged cells), HTML and DOCX.
///
/// How a reading is scored (`Scorer`): a cell is right when its value is exactly the truth's,
/// or when it is null with a finding on its row and the source no longer determines it. A wrong
/// value is "flagged" when a finding names its row and "confident" when nothing does; null
/// where the source states a value is "missed". An operator's figure counts the cells it
/// touched. Findings: recall over the findings the truth requires (the damage's, and the
/// validator's on the values the source states); precision over the tracked rules, a finding
/// counting as correct when it is required or allowed.
public enum Corpus {
    /// Chance that a report carries no damage and consistent values (a clean report).
    static let cleanShare = 0.1

    /// The `index`-th report of corpus `seed`. `operators` forces the damage (nil: random).
    public static func report(
        index: Int, seed: UInt64, operators: [DamageOperator]? = nil, inconsistent: Bool? = nil, template forced: Template? = nil,
        textShape: TextShape? = nil
    ) -> GeneratedReport {
        var rng = SplitMix64.forDocument(seed: seed, index: index)
        let drawn: Template = rng.chance(0.5) ? .y2021 : .y2019
        let template = forced ?? drawn
        let year = template == .y2021 ? rng.int(2021...2024) : (rng.chance(0.12) ? rng.int(2021...2022) : rng.int(2019...2020))
        let clean = operators == nil && rng.chance(cleanShare)
        var damage = operators ?? []
        if operators == nil, !clean {
            let all = DamageOperator.allCases.filter { !$0.isStress }
            for _ in 0..<rng.int(1...3) {
                let op = rng.pick(all)
                if !damage.contains(op) { damage.append(op) }
            }
        }
        damage.sort()
        let isInconsistent = inconsistent ?? (!clean && rng.chance(0.2))

        var gen = ReportGenerator(rng: rng)
        let (agency, titleAgency) = gen.agencyNames()
        let title = "\(titleAgency)\(year)年政府信息公开工作年度报告"
        let hasSignature = damage.contains(.chineseDate) || gen.rng.chance(0.8)
        let date: (Int, Int, Int)? = hasSignature && (damage.contains(.chineseDate) || gen.rng.chance(0.85))
            ? (year + 1, gen.rng.int(1...3), gen.rng.int(1...28)) : nil
        gen.disclosureValues(template)
        gen.applicationValues(template)
        gen.reviewValues()
        if isInconsistent { gen.makeInconsistent(template) }
        let layout = gen.layout(template, title: title, agency: agency, year: year, date: date, hasSignature: hasSignature)

        var truth = Truth(
            template: template, title: title, agency: hasSignature ? agency : titleAgency, year: year,
            publishedOn: date.map { d in "\(d.0)-\(d.1 < 10 ? "0" : "")\(d.1)-\(d.2 < 10 ? "0" : "")\(d.2)" },
            sections: SectionID.allCases, cells: gen.cells, findings: [], inconsistent: isInconsistent)
        var damager = Damager(rng: gen.rng, layout: layout, cells: gen.cells, template: template)
        for op in damage {
            if op.isPageDamage {
                damager.applyPage(op, truth: &truth)
            } else {
                damager.apply(op)
            }
        }
        truth.cells = damager.cells
        damager.settleReshapedRows(&truth)
        truth.findings = damager.findings + SpecRules.findings(template, truth.cells, treatUndeterminableAsNull: true)
        if template == .y2019, year >= 2021 { truth.findings.append(ExpectedFinding(.templateOutdated, "metadata.template")) }
        for id in SectionID.allCases where !truth.sections.contains(id) {
            truth.findings.append(ExpectedFinding(.sectionMissing, "sections", cause: .missingHeadings))
        }
        truth.allowed = damager.allowed + SpecRules.findings(template, truth.cells, treatUndeterminableAsNull: false)
        var rngShape = damager.rng
        let drawnShape = rngShape.pick(TextShape.mixed)
        let shape = TextShape.drawn(textShape ?? drawnShape, damage: damage)
        let spans = shape == .cellPerLine ? rngShape.pick([SpanStyle.continuation, .absent]) : rngShape.pick(SpanStyle.allCases)
        return GeneratedReport(
            index: index, name: sixDigits(index) + "-" + template.rawValue, layout: damager.layout, truth: truth, damage: damage,
            textShape: shape, spanStyle: spans)
    }
}

/// Six-digit zero-padded decimal.
func sixDigits(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
}

/// A web page's title, or a PDF's Title printed from one, names the site after a separator
/// ("某县2021年政府信息公开工作年度报告_政府信息公开", "… | 某市人民政府", "… - 某区政府网"):
/// the part naming the report, else the first part.
public enum PageTitle {
    public static func reportPart(of title: String) -> String {
        let parts = title.split { $0 == "_" || $0 == "|" || $0 == "－" }.map { Normalizer.clean(String($0)) }.filter { !$0.isEmpty }
        let dashParts = parts.count > 1 ? parts : dashComponents(title)
        return dashParts.first { $0.contains("报告") } ?? dashParts.first ?? Normalizer.clean(title)
    }

    /// " - " separated parts, cleaned.
    static func dashComponents(_ title: String) -> [String] {
        var parts: [String] = []
        var rest = title[...]
        while let r = rest.firstRange(of: " - ") {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts.map { Normalizer.clean($0) }.filter { !$0.isEmpty }
    }
}

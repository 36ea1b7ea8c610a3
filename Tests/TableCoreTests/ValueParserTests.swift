import DocModel
import Testing
@testable import TableCore

@Suite struct ValueParserTests {
    @Test func countsAndBlanks() {
        #expect(ValueParser.read("12", as: .count) == .value(.integer(12), unit: nil, notes: []))
        #expect(ValueParser.read(" ", as: .count) == .blank)
        #expect(ValueParser.read("\u{3000}", as: .count) == .blank)
        #expect(ValueParser.read("1,234", as: .count).value == .integer(1234))
        #expect(ValueParser.read("5件", as: .count).value == .integer(5))
        #expect(ValueParser.read("-1", as: .count).value == .integer(-1))
    }

    @Test func labelsAndLeadingZeros() {
        // Labels are never values, whatever the field kind (the scan rejects them early).
        for label in ["行政许可", "3.保护第三方合法权益", "Total", "本年收费金额（单位：万元）", "二〇二二"] {
            for kind in [FieldKind.count, .signedCount, .amountWan, .amountAsWritten] {
                #expect(ValueParser.read(label, as: kind) == .unreadable(label))
            }
        }
        #expect(ValueParser.read("007", as: .count) == .value(.integer(7), unit: nil, notes: []))
        #expect(ValueParser.read("000", as: .signedCount) == .value(.integer(0), unit: nil, notes: []))
        #expect(ValueParser.read("1234567890123456", as: .count) == .unreadable("1234567890123456"))
        #expect(ValueParser.read("减 4", as: .signedCount).value == .integer(-4))
    }

    @Test func placeholdersReadAsZeroWithNote() {
        for p in ["—", "/", "无", "-"] {
            #expect(ValueParser.read(p, as: .count) == .value(.integer(0), unit: nil, notes: [.placeholder(p)]))
        }
    }

    @Test func unreadableKeepsRawText() {
        #expect(ValueParser.read("若干", as: .count) == .unreadable("若干"))
        #expect(ValueParser.read("1.5", as: .count) == .unreadable("1.5"))
        #expect(ValueParser.read("12,34", as: .count) == .unreadable("12,34"))
    }

    @Test func ocrLettersInsideNumbers() {
        #expect(ValueParser.read("1O", as: .count) == .value(.integer(10), unit: nil, notes: [.repaired(from: "1O", to: "10")]))
        #expect(ValueParser.read("O", as: .count).value == .integer(0))
        #expect(ValueParser.read("l2", as: .count).value == .integer(12))
    }

    @Test func amountsKeepSourceDigits() {
        #expect(ValueParser.read("15996.59", as: .amountWan).value == .decimal("15996.59"))
        #expect(ValueParser.read("0.1200", as: .amountWan).value == .decimal("0.1200"))
        #expect(ValueParser.read("0万元", as: .amountWan).value == .integer(0))
    }

    @Test func yuanConvertedExactlyToWan() {
        #expect(ValueParser.read("1200元", as: .amountWan) == .value(.decimal("0.12"), unit: "万元", notes: [.unitConverted(from: "1200元", to: "0.12万元")]))
        #expect(ValueParser.read("251000元", as: .amountWan).value == .decimal("25.1"))
        #expect(ValueParser.read("3.5元", as: .amountWan).value == .decimal("0.00035"))
    }

    @Test func signedChanges() {
        #expect(ValueParser.read("减4", as: .signedCount).value == .integer(-4))
        #expect(ValueParser.read("增3", as: .signedCount).value == .integer(3))
        #expect(ValueParser.read("+3", as: .signedCount).value == .integer(3))
    }

    @Test func amountAsWrittenKeepsItsUnit() {
        #expect(ValueParser.read("251000元", as: .amountAsWritten) == .value(.integer(251000), unit: "元", notes: []))
        #expect(ValueParser.read("52.15", as: .amountAsWritten) == .value(.decimal("52.15"), unit: nil, notes: []))
    }
}

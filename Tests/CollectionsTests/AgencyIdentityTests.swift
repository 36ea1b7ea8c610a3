import Collections
import Testing

@Suite struct AgencyIdentityTests {
    @Test func variantsShareAKey() {
        let names = ["临汾市安泽县人民政府办公室", "临汾市安泽县人民政府办公厅", "临汾市 安泽县政府办公室", "临汾市安泽县政府办公厅（盖章）"]
        let keys = Set(names.map(AgencyIdentity.key))
        #expect(keys == ["临汾市安泽县政府办公室"])
    }

    @Test func widthAndSpacesDoNotMatter() {
        #expect(AgencyIdentity.key("ＸＸ市　第２中学") == AgencyIdentity.key("xx市第2中学"))
        #expect(AgencyIdentity.key("深圳市龙岗区坂田街道办事处") == AgencyIdentity.key("深圳市龙岗区坂田街道"))
    }

    @Test func differentAgenciesStayApart() {
        #expect(AgencyIdentity.key("安泽县统计局") != AgencyIdentity.key("安泽县审计局"))
        #expect(AgencyIdentity.key("安泽县人民政府") != AgencyIdentity.key("安泽县人民政府办公室"))
    }

    @Test func publisherPropertyComesFirst() {
        let chosen = AgencyIdentity.name(publisher: "安泽县人民政府办公室", agency: "安泽县")
        #expect(chosen?.name == "安泽县人民政府办公室")
        #expect(chosen?.source == .publisher)
        #expect(AgencyIdentity.name(publisher: "  ", agency: "安泽县")?.source == .metadata)
        #expect(AgencyIdentity.name(publisher: nil, agency: nil) == nil)
    }
}

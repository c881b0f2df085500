import GridModel

extension StreetReading {
    static let roleByName: [String: Role] = {
        var result: [String: Role] = [:]
        for role in Role.allCases { result[role.rawValue] = role }
        for (alias, role) in ValueAliases.roles { result[alias] = role }
        return result
    }()

    static let skillAliases: [String: String] = Dictionary(
        ValueAliases.skills.map { ($0.alias, $0.skill.rawValue) }, uniquingKeysWith: { a, _ in a })

    /// people.csv: everyone who can hold a post or visit.
    func readPeople() {
        var lines: [String: Int] = [:]
        var positionColumns: (first: String, second: String)?
        let present = readTable(
            .people, columns: Columns(required: ["person_id", "roles"]), idColumn: "person_id",
            register: { id, line in lines[id] = lines[id] ?? line },
            header: { header in
                positionColumns = self.positionColumns(header, file: .people)
                lines.reserveCapacity(self.expectedRows)
                self.people.reserveCapacity(self.expectedRows)
                return true
            }
        ) { row in
            let id = row.required("person_id", what: DataNoun.personID, log: &log)
            var isNew = false
            if let id { isNew = register(id, in: &lines, row: row, column: "person_id", what: DataNoun.personID) }
            let roles = readRoles(row)
            let department = row.text("department")
            if let department { _ = checkDepartment(department, row: row, column: "department") }
            var partyMember = boolean(row, "party_member")
            if let roles {
                let partyRoles = roles.filter { $0 == .partyMemberInService || $0 == .partyMemberRetired }
                if partyMember == false, let role = partyRoles.first {
                    log.add(
                        row.issue(
                            "party_member", value: row.text("party_member"),
                            problem: Message.text("data.person.party_role_not_member", ["role": role.rawValue]),
                            expected: Message.text("data.person.party_member_expected")))
                    partyMember = nil
                } else if partyMember == nil, row.isEmpty("party_member") {
                    partyMember = !partyRoles.isEmpty
                }
            }
            var home: HomeLocation?
            var homeIsValid = true
            if let building = row.text("home_building_id") {
                homeIsValid = checkBuilding(building, row: row, column: "home_building_id")
                home = .building(BuildingID(building))
            } else if let positionColumns, !row.isEmpty(positionColumns.first) || !row.isEmpty(positionColumns.second) {
                if let point = readPoint(row, positionColumns) { home = .point(point) } else { homeIsValid = false }
            }
            let community = row.text("community_id")
            if let community { _ = checkCommunity(community, row: row, column: "community_id") }
            let hours = row.decimal(
                "hours_per_week", in: 0...StreetLimits.maximumHoursPerWeek, what: DataNoun.hoursPerWeek, log: &log)
            let skills = row.list("skills").compactMap {
                vocabularyWord(
                    $0, aliases: Self.skillAliases, row: row, column: "skills", what: DataNoun.skill,
                    examples: ["legal", "medical", "psychological", "elderly_care", "repair", "mediation"])
            }
            let availability = readAvailability(row)
            let birthYear = row.integer("birth_year", in: StreetLimits.birthYears, what: DataNoun.birthYear, log: &log)
            let work = row.text("work_building_id")
            let workIsValid = work.map { checkBuilding($0, row: row, column: "work_building_id") } ?? true
            guard isNew, let id, let roles, let partyMember, homeIsValid, availability.isValid, workIsValid else {
                return
            }
            people.append(
                Person(
                    id: PersonID(id), name: row.text("name") ?? "", roles: roles,
                    departmentID: department.map { DepartmentID($0) }, isPartyMember: partyMember, home: home,
                    communityID: community.map { CommunityID($0) },
                    hoursPerWeek: hours,
                    skills: skills.map(Skill.init(rawValue:)), availability: availability.slots,
                    phone: row.text("phone"), birthYear: birthYear, workBuildingID: work.map { BuildingID($0) }))
        }
        if present || !lines.isEmpty { personLines = lines }
    }

    /// The `roles` list; nil (and an issue) when it is empty or names an unknown role.
    private func readRoles(_ row: CSVRow) -> Set<Role>? {
        let items = row.list("roles")
        var expectation: String {
            Message.text("data.person.roles_expected", ["roles": Language.current.list(Role.allCases.map(\.rawValue))])
        }
        guard !items.isEmpty else {
            log.add(row.issue("roles", value: nil, problem: Message.text("data.person.missing_roles"),
                    expected: expectation))
            return nil
        }
        var roles: Set<Role> = []
        var valid = true
        for item in items {
            if let role = Role(rawValue: item) ?? Self.roleByName[item]
                ?? Self.roleByName[ColumnAliases.normalise(item)]
            {
                roles.insert(role)
            } else {
                log.add(row.issue("roles", value: item, problem: Message.text("data.person.unknown_role"),
                        expected: expectation))
                valid = false
            }
        }
        return valid ? roles : nil
    }

    /// The `availability` list: nil slots for an empty cell (the rules' default slots); not valid for a bad slot.
    private func readAvailability(_ row: CSVRow) -> (isValid: Bool, slots: [WeeklySlot]?) {
        let items = row.list("availability")
        guard !items.isEmpty else { return (true, nil) }
        var slots: Set<WeeklySlot> = []
        var valid = true
        for item in items {
            if let slot = Self.slot(item) ?? WeeklySlot(parsing: item) ?? Self.chineseSlot(item) {
                slots.insert(slot)
            } else {
                log.add(
                    row.issue(
                        "availability", value: item, problem: Message.text("data.person.not_a_slot"),
                        expected: Message.text("data.person.slots_expected", ["chinese_slot": "周一上午"])))
                valid = false
            }
        }
        return (valid, slots.sorted())
    }

    /// A slot spelt exactly as the data format does (`Mon-AM`), read from its bytes: the common case of a column
    /// that fills hundreds of thousands of rows.
    static func slot(_ text: String) -> WeeklySlot? {
        var text = text
        return text.withUTF8 { bytes -> WeeklySlot? in
            guard bytes.count == 6 || bytes.count == 7, bytes[3] == UInt8(ascii: "-") else { return nil }
            let day: WeeklySlot.Day
            switch (bytes[0], bytes[1], bytes[2]) {
            case (0x4D, 0x6F, 0x6E): day = .monday  // Mon
            case (0x54, 0x75, 0x65): day = .tuesday  // Tue
            case (0x57, 0x65, 0x64): day = .wednesday  // Wed
            case (0x54, 0x68, 0x75): day = .thursday  // Thu
            case (0x46, 0x72, 0x69): day = .friday  // Fri
            case (0x53, 0x61, 0x74): day = .saturday  // Sat
            case (0x53, 0x75, 0x6E): day = .sunday  // Sun
            default: return nil
            }
            let period: WeeklySlot.Period
            switch (bytes.count, bytes[4], bytes[5]) {
            case (6, 0x41, 0x4D): period = .morning  // AM
            case (6, 0x50, 0x4D): period = .afternoon  // PM
            case (7, 0x45, 0x56) where bytes[6] == 0x45: period = .evening  // EVE
            default: return nil
            }
            return WeeklySlot(day: day, period: period)
        }
    }

    /// `周一上午` style slots.
    static func chineseSlot(_ text: String) -> WeeklySlot? {
        for (dayName, day) in ValueAliases.chineseDays where text.hasPrefix(dayName) {
            let rest = text.dropFirst(dayName.count)
            for (periodName, period) in ValueAliases.chinesePeriods where rest == periodName {
                return WeeklySlot(day: day, period: period)
            }
        }
        return nil
    }

    /// Which columns give a bare position in this file (`x, y` or `lat, lon`), reporting a frame that differs
    /// from buildings.csv's.
    func positionColumns(_ header: CSVHeader, file: StreetFile) -> (first: String, second: String)? {
        let planar = header.has("x") && header.has("y")
        let geodetic = header.has("lat") && header.has("lon")
        guard planar || geodetic else { return nil }
        let given: Frame = planar ? .planar : .geodetic
        if let frame, frame != given, !(planar && geodetic) {
            log.add(
                DataIssue(
                    file: file.fileName, line: 1,
                    problem: planar
                        ? Message.text("data.position.people_planar_vs_geodetic")
                        : Message.text("data.position.people_geodetic_vs_planar"),
                    expected: Message.text(
                        "data.position.columns",
                        ["columns": Language.current.list(frame == .planar ? ["x", "y"] : ["lat", "lon"])])))
            return nil
        }
        let useFrame = frame ?? given
        return useFrame == .planar ? ("x", "y") : ("lat", "lon")
    }

    /// A bare position in the street's frame.
    func readPoint(_ row: CSVRow, _ columns: (first: String, second: String)) -> PlanarPoint? {
        let isPlanar = columns.first == "x"
        let firstLimit = isPlanar ? StreetLimits.maximumPlanarCoordinate : 90
        let secondLimit = isPlanar ? StreetLimits.maximumPlanarCoordinate : 180
        let first = row.decimal(columns.first, in: -firstLimit...firstLimit, what: columns.first, log: &log)
        let second = row.decimal(columns.second, in: -secondLimit...secondLimit, what: columns.second, log: &log)
        for name in [columns.first, columns.second] where row.isEmpty(name) {
            log.add(row.issue(name, value: nil, problem: Message.text("data.position.missing", ["column": name]),
                    expected: Message.text("data.position.both_coordinates")))
        }
        guard let first, let second else { return nil }
        return point(first, second)
    }
}

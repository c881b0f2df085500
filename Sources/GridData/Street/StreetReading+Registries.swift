import GridModel

extension StreetReading {
    /// communities.csv: `community_id, name[, code]`.
    func readCommunities() {
        var lines: [String: Int] = [:]
        let present = readTable(
            .communities, columns: Columns(required: ["community_id"]), idColumn: "community_id",
            register: { id, line in lines[id] = lines[id] ?? line },
            header: { header in
                if let index = header.index(of: "community_id") {
                    self.communityIDColumn = (index + 1, header.name(at: index))
                }
                return true
            }
        ) { row in
            guard let id = row.required("community_id", what: DataNoun.communityID, log: &log),
                register(id, in: &lines, row: row, column: "community_id", what: DataNoun.communityID)
            else { return }
            let communityID = CommunityID(id)
            communities[communityID] = Community(id: communityID, name: row.text("name"), code: row.text("code"))
        }
        if present || !lines.isEmpty { communityLines = lines }
    }

    /// departments.csv: `department_id, name`.
    func readDepartments() {
        var lines: [String: Int] = [:]
        let present = readTable(
            .departments, columns: Columns(required: ["department_id"]), idColumn: "department_id",
            register: { id, line in lines[id] = lines[id] ?? line }
        ) { row in
            guard let id = row.required("department_id", what: DataNoun.departmentID, log: &log),
                register(id, in: &lines, row: row, column: "department_id", what: DataNoun.departmentID)
            else { return }
            departments.append(Department(id: DepartmentID(id), name: row.text("name")))
        }
        if present || !lines.isEmpty { departmentLines = lines }
    }

    /// Checks that a referenced department exists when departments.csv lists them.
    func checkDepartment(_ id: String, row: CSVRow, column: String) -> Bool {
        guard let departmentLines, departmentLines[id] == nil, !unreadable.contains(.departments) else { return true }
        log.add(
            row.issue(
                column, value: id, problem: Message.text("data.ref.unknown_department"),
                expected: Message.text("data.ref.listed_in", ["column": "department_id", "file": "departments.csv"])))
        return false
    }
}

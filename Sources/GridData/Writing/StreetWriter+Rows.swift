import GridModel

/// Headers and rows of each file, in the spec's column names and order.
extension StreetWriter {
    static func buildingHeader(_ options: Options) -> [String] {
        let base = [
            "building_id", "community_id", "compound_id", "households", "x", "y", "kind", "compound_type", "floors",
            "units",
        ]
        return options.streetColumn ? base + ["street_id"] : base
    }

    static let unitHeader = ["building_id", "unit", "households", "floors"]
    static let barrierHeader = ["x1", "y1", "x2", "y2"]
    static let communityHeader = ["community_id", "name", "code"]
    static let departmentHeader = ["department_id", "name"]
    static let adjacencyHeader = ["a", "b"]
    static let residentHeader = [
        "resident_id", "building_id", "categories", "unit", "floor", "name", "birth_year", "paired_person_id", "needs",
    ]
    static let gridHeader = [
        "building_id", "unit", "floors", "households", "community_id", "grid_id", "micro_grid_id", "kind",
    ]
    static let lockHeader = ["building_id", "person_id", "grid_id", "micro_grid_id", "post"]
    static let visitHeader = ["date", "person_id", "resident_id", "outcome"]
    static let requestHeader = [
        "request_id", "resident_id", "building_id", "service", "created_at", "earliest", "latest", "minutes",
        "urgency", "note",
    ]

    static func personHeader(_ options: Options) -> [String] {
        var header = ["person_id", "name", "roles", "department", "party_member", "home_building_id"]
        if options.personCoordinates { header += ["x", "y"] }
        header += ["community_id", "hours_per_week", "skills", "availability", "phone", "birth_year"]
        return options.workColumn ? header + ["work_building_id"] : header
    }

    static func row(_ building: Building, _ options: Options) -> [String] {
        var fields = [
            building.id.rawValue,
            building.communityID.rawValue,
            building.compoundID?.rawValue ?? "",
            String(building.households),
            CSVNumber.fixed(building.position.x, places: options.coordinatePlaces),
            CSVNumber.fixed(building.position.y, places: options.coordinatePlaces),
            building.kind.rawValue,
            building.compoundType?.rawValue ?? "",
            text(building.floors),
            text(building.unitCount),
        ]
        if options.streetColumn { fields.append(building.streetID?.rawValue ?? "") }
        return fields
    }

    static func row(_ unit: StairwellUnit) -> [String] {
        [unit.buildingID.rawValue, unit.name, String(unit.households), text(unit.floors)]
    }

    static func row(_ segment: Segment, _ options: Options) -> [String] {
        [segment.start.x, segment.start.y, segment.end.x, segment.end.y].map {
            CSVNumber.fixed($0, places: options.coordinatePlaces)
        }
    }

    static func row(_ community: Community) -> [String] {
        [community.id.rawValue, community.name ?? "", community.code ?? ""]
    }

    static func row(_ department: Department) -> [String] {
        [department.id.rawValue, department.name ?? ""]
    }

    static func row(_ person: Person, _ options: Options) -> [String] {
        var fields = [
            person.id.rawValue,
            person.name,
            person.roles.sorted().map(\.rawValue).joined(separator: ";"),
            person.departmentID?.rawValue ?? "",
            person.isPartyMember ? "true" : "false",
        ]
        switch person.home {
        case .building(let id):
            fields.append(id.rawValue)
            if options.personCoordinates { fields += ["", ""] }
        case .point(let point):
            fields.append("")
            if options.personCoordinates {
                fields.append(CSVNumber.fixed(point.x, places: options.coordinatePlaces))
                fields.append(CSVNumber.fixed(point.y, places: options.coordinatePlaces))
            }
        case nil:
            fields.append("")
            if options.personCoordinates { fields += ["", ""] }
        }
        fields += [
            person.communityID?.rawValue ?? "",
            person.hoursPerWeek.map { CSVNumber.trimmed($0, maxPlaces: 2) } ?? "",
            person.skills.map(\.rawValue).joined(separator: ";"),
            person.availability?.map(\.description).joined(separator: ";") ?? "",
            person.phone ?? "",
            text(person.birthYear),
        ]
        if options.workColumn { fields.append(person.workBuildingID?.rawValue ?? "") }
        return fields
    }

    static func row(_ resident: Resident) -> [String] {
        [
            resident.id.rawValue,
            resident.buildingID.rawValue,
            resident.categories.map(\.rawValue).joined(separator: ";"),
            resident.unit ?? "",
            text(resident.floor),
            resident.name ?? "",
            text(resident.birthYear),
            resident.pairedPersonID?.rawValue ?? "",
            resident.needs.joined(separator: ";"),
        ]
    }

    static func row(_ assignment: GridAssignment) -> [String] {
        [
            assignment.buildingID.rawValue,
            assignment.unit ?? "",
            assignment.floors?.description ?? "",
            String(assignment.households),
            assignment.communityID.rawValue,
            assignment.gridID.rawValue,
            assignment.microGridID?.rawValue ?? "",
            assignment.kind.rawValue,
        ]
    }

    static func row(_ lock: PlanLock) -> [String] {
        var building = ""
        var person = ""
        switch lock.subject {
        case .building(let id): building = id.rawValue
        case .person(let id): person = id.rawValue
        }
        return [building, person, lock.gridID?.rawValue ?? "", lock.microGridID?.rawValue ?? "", lock.post ?? ""]
    }

    static func row(_ visit: Visit) -> [String] {
        [visit.date.description, visit.personID.rawValue, visit.residentID.rawValue, visit.outcome.rawValue]
    }

    static func row(_ request: ServiceRequest) -> [String] {
        [
            request.id.rawValue,
            request.residentID?.rawValue ?? "",
            request.buildingID?.rawValue ?? "",
            request.service.rawValue,
            request.createdAt.description,
            request.earliest.description,
            request.latest.description,
            String(request.minutes),
            request.urgency ?? "",
            request.note ?? "",
        ]
    }

    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

import GridData
import GridModel
import GridRules
import Staffing

extension StaffingPlan {
    /// A notice card per grid of `plan` (grids.csv rows): its buildings and households, and every leader and
    /// sunk-down cadre this staffing gives it (a cadre once per grid, whatever the number of posts).
    /// - Complexity: O(rows + posts).
    func noticeCards(plan: [GridAssignment]) -> [NoticeCard] {
        var community: [GridID: CommunityID] = [:]
        var buildings: [GridID: Set<BuildingID>] = [:]
        var households: [GridID: Int] = [:]
        for row in plan {
            if community[row.gridID] == nil { community[row.gridID] = row.communityID }
            buildings[row.gridID, default: []].insert(row.buildingID)
            households[row.gridID, default: 0] += row.households
        }
        var holders: [GridID: [NoticeCard.Holder]] = [:]
        for leader in leaders {
            let post: NoticeCard.Post
            switch leader.role {
            case .gridLeader: post = .gridLeader
            case .gridWorker: post = .gridWorker
            case .microGridLeader: post = .microGridLeader
            case .buildingLeader: post = .buildingLeader
            }
            holders[leader.gridID, default: []].append(
                NoticeCard.Holder(
                    post: post, personID: leader.personID, microGridID: leader.microGridID,
                    buildingID: leader.buildingID))
        }
        var cadres: Set<[String]> = []
        for cadre in cadrePosts.sorted(by: { ($0.gridID, $0.personID) < ($1.gridID, $1.personID) })
        where cadres.insert([cadre.gridID.rawValue, cadre.personID.rawValue]).inserted {
            holders[cadre.gridID, default: []].append(
                NoticeCard.Holder(post: .sunkCadre, personID: cadre.personID, departmentID: cadre.departmentID))
        }
        return community.sorted { $0.key < $1.key }.map { grid, communityID in
            NoticeCard(
                gridID: grid, communityID: communityID, buildings: (buildings[grid] ?? []).sorted(),
                households: households[grid] ?? 0, holders: holders[grid] ?? [])
        }
    }
}

extension NoticeCardWriter {
    /// A writer printing the phones and hotline `contacts` (`staffing.public_contacts`) allows.
    init(street: Street, contacts: PublicContacts) {
        let posts = contacts.phonesOfPosts.value.compactMap { NoticeCard.Post(rawValue: $0.rawValue) }
        self.init(street: street, phonesOf: Set(posts), hotline: contacts.hotline.value)
    }
}

import GridModel
import GridRules

extension StaffingRules.PostWorkload {
    /// The cadre post as a sentence names it: its Chinese name in Chinese (结对认亲) for the posts the shipped rules
    /// define, its rule id (pair_family) in English and for any post a jurisdiction's rules add.
    var spokenName: String {
        switch post {
        case "know_people": return Message.text("staffing.post.know_people")
        case "pair_family": return Message.text("staffing.post.pair_family")
        case "take_post": return Message.text("staffing.post.take_post")
        case "take_matter": return Message.text("staffing.post.take_matter")
        default: return post
        }
    }
}

extension StaffingRules.Pool {
    /// The preferred pool as a reason names it: 退休干部 in Chinese for the pools the shipped rules define, its rule
    /// name (retired_cadres) in English and for any pool a jurisdiction's rules add.
    var spokenName: String {
        switch name {
        case "retired_cadres": return Message.text("staffing.pool.retired_cadres")
        case "property_party_members": return Message.text("staffing.pool.property_party_members")
        case "merchant_representatives": return Message.text("staffing.pool.merchant_representatives")
        default: return name
        }
    }
}

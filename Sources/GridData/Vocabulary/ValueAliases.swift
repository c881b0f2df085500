import GridModel

/// Chinese spellings accepted for values inside cells, beside the data format's own English words.
///
/// Lookups are exact after trimming; English words also match ignoring ASCII case. The README lists these tables.
public enum ValueAliases {
    /// Role names (people.csv `roles`).
    public static let roles: [(alias: String, role: Role)] = [
        ("社区工作者", .communityWorker),
        ("专职网格员", .gridWorker),
        ("网格员", .gridWorker),
        ("兼职网格员", .gridWorkerPartTime),
        ("辅助网格员", .gridWorkerAuxiliary),
        ("下沉干部", .sunkCadre),
        ("在职党员", .partyMemberInService),
        ("离退休党员", .partyMemberRetired),
        ("退休党员", .partyMemberRetired),
        ("志愿者", .volunteer),
        ("物业人员", .propertyStaff),
        ("商户代表", .merchantRep),
        ("老支书", .mentor),
        ("老党员", .mentor),
        ("新入职社区工作者", .newWorker),
        ("居民", .resident),
    ]

    /// Resident categories (residents.csv `categories`).
    public static let categories: [(alias: String, category: ResidentCategory)] = [
        ("独居老人", .elderlyAlone),
        ("空巢老人", .elderlyEmptyNest),
        ("空巢", .elderlyEmptyNest),
        ("失能老人", .elderlyDisabled),
        ("失能", .elderlyDisabled),
        ("特困", .specialHardship),
        ("特困人员", .specialHardship),
        ("低保", .lowIncome),
        ("低保户", .lowIncome),
        ("残疾人", .disabled),
        ("留守儿童", .leftBehindChild),
        ("重点人员", .keyPerson),
        ("社区矫正", .communityCorrection),
        ("社区矫正对象", .communityCorrection),
        ("普通", .ordinary),
        ("一般", .ordinary),
    ]

    /// Building kinds (buildings.csv `kind`).
    public static let buildingKinds: [(alias: String, kind: BuildingKind)] = [
        ("住宅", .residential),
        ("商业", .commercial),
        ("商务楼宇", .commercial),
        ("学校", .school),
        ("医院", .hospital),
        ("市场", .market),
        ("企业", .enterprise),
        ("工地", .site),
    ]

    /// Compound types (buildings.csv `compound_type`).
    public static let compoundTypes: [(alias: String, type: CompoundType)] = [
        ("商品房", .residential),
        ("商品房小区", .residential),
        ("老旧小区", .old),
        ("单位小区", .workUnit),
        ("单位大院", .workUnit),
        ("过渡", .transitional),
        ("安置小区", .transitional),
        ("城中村", .village),
        ("村", .village),
        ("商圈", .commercial),
        ("商业", .commercial),
    ]

    /// Skills (people.csv `skills`).
    public static let skills: [(alias: String, skill: Skill)] = [
        ("法律", .legal),
        ("医疗", .medical),
        ("心理", .psychological),
        ("养老护理", .elderlyCare),
        ("助残", .disabilityHelp),
        ("文化", .culture),
        ("辅导", .tutoring),
        ("维修", .repair),
        ("调解", .mediation),
        ("政策", .policy),
    ]

    /// Visit outcomes (visits.csv `outcome`).
    public static let visitOutcomes: [(alias: String, outcome: Visit.Outcome)] = [
        ("完成", .done),
        ("已完成", .done),
        ("未遇", .missed),
        ("未见", .missed),
        ("拒绝", .refused),
        ("拒访", .refused),
    ]

    /// Volunteers' answers (responses.csv `response`).
    public static let responseAnswers: [(alias: String, answer: RequestResponse.Answer)] = [
        ("接单", .accept),
        ("接受", .accept),
        ("同意", .accept),
        ("拒绝", .decline),
        ("谢绝", .decline),
        ("不接", .decline),
    ]

    /// How a service ended (completions.csv `outcome`).
    public static let serviceOutcomes: [(alias: String, outcome: ServiceCompletion.Outcome)] = [
        ("完成", .done),
        ("已完成", .done),
        ("取消", .cancelled),
        ("已取消", .cancelled),
        ("未到", .noShow),
        ("爽约", .noShow),
    ]

    /// Kinds of calendar.csv days: public holidays and working weekends (调休).
    public static let calendarKinds: [(alias: String, kind: CalendarDay.Kind)] = [
        ("节假日", .holiday),
        ("假日", .holiday),
        ("法定节假日", .holiday),
        ("放假", .holiday),
        ("休息", .holiday),
        ("调休上班", .workday),
        ("补班", .workday),
        ("上班", .workday),
        ("工作日", .workday),
    ]

    /// Yes/no spellings (people.csv `party_member`); English words match ignoring case.
    public static let booleans: [(alias: String, value: Bool)] = [
        ("true", true), ("false", false), ("yes", true), ("no", false), ("y", true), ("n", false),
        ("1", true), ("0", false), ("是", true), ("否", false), ("党员", true), ("非党员", false),
    ]

    /// Day names for availability slots written in Chinese (`周一上午`).
    static let chineseDays: [(alias: String, day: WeeklySlot.Day)] = [
        ("周一", .monday), ("周二", .tuesday), ("周三", .wednesday), ("周四", .thursday), ("周五", .friday),
        ("周六", .saturday), ("周日", .sunday), ("周天", .sunday),
        ("星期一", .monday), ("星期二", .tuesday), ("星期三", .wednesday), ("星期四", .thursday),
        ("星期五", .friday), ("星期六", .saturday), ("星期日", .sunday), ("星期天", .sunday),
    ]

    /// Half-day names for availability slots written in Chinese (`周一上午`).
    static let chinesePeriods: [(alias: String, period: WeeklySlot.Period)] = [
        ("上午", .morning), ("下午", .afternoon), ("晚上", .evening), ("晚间", .evening),
    ]
}

/// Word lists for realistic Chinese names of people, communities, compounds and departments.
///
/// Surnames are the most common ones of the 2020 household register (王, 李, 张, 刘, 陈… in rough order of
/// frequency, weighted so that the first ones come up most); given-name characters are common ones for
/// both sexes. All names are generated: none is a real person's.
enum ChineseNames {
    static let surnames: [String] = Array(
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
            + "姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤")
    ).map(String.init)

    static let givenCharacters: [String] = Array(
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红玉文志海燕鹏辉飞婷雪梅琳晨宇浩然子轩欣怡梓涵"
            + "佳俊凯丹萍斌宁博瑞思雨嘉欢立新春林云峰波亮鑫淑珍凤荣德福胜利成东晓慧颖晶洁宏庆昊泽"
    ).map(String.init)

    /// Older generations favoured characters of the era; used for people born before 1966.
    static let olderGivenCharacters: [String] = Array("建国华英兰秀桂珍淑凤德福胜利荣明红军民志春秋玉文忠学")
        .map(String.init)

    static let communityFirst: [String] = Array("东西南北中新青桂荷梅兰竹松柏枫槐杏桃柳李翠碧紫金银丹锦春和安宁永长")
        .map(String.init)
    static let communitySecond: [String] = Array("湖园苑坊桥门路街塘岭山湾港亭庄台苑林泉城").map(String.init)

    /// District departments that send sunk-down cadres, with the skill their cadres most often bring.
    static let departments: [(name: String, skill: String?)] = [
        ("区委组织部", "policy"),
        ("区委宣传部", "culture"),
        ("区民政局", "elderly_care"),
        ("区人力资源和社会保障局", "policy"),
        ("区卫生健康委员会", "medical"),
        ("区住房和城乡建设局", "repair"),
        ("区城市管理局", nil),
        ("区司法局", "legal"),
        ("区公安分局", "mediation"),
        ("区市场监督管理局", nil),
        ("区教育局", "tutoring"),
        ("区应急管理局", nil),
    ]

    /// A name: a surname (frequent ones more likely) and one or two given characters.
    static func person(bornIn year: Int, using random: inout SeededGenerator) -> String {
        // Squaring a uniform draw skews towards the start of the list, where the frequent surnames are.
        let u = random.unit()
        let surname = surnames[min(surnames.count - 1, Int(u * u * Double(surnames.count)))]
        let pool = year < 1966 && random.chance(0.6) ? olderGivenCharacters : givenCharacters
        let first = random.element(of: pool)
        guard random.chance(0.7) else { return surname + first }
        return surname + first + random.element(of: givenCharacters)
    }

    /// A community name such as 桂湖社区, distinct from those already `used`.
    static func community(using random: inout SeededGenerator, avoiding used: Set<String>) -> String {
        for _ in 0..<64 {
            let name = random.element(of: communityFirst) + random.element(of: communitySecond) + "社区"
            if !used.contains(name) { return name }
        }
        return random.element(of: communityFirst) + random.element(of: communityFirst)
            + random.element(of: communitySecond) + "社区"
    }
}

namespace Serverless.Shared.Data;

/// <summary>Word lists from which the generator builds fictitious names and addresses.</summary>
internal static class WordLists
{
    /// <summary>Common surnames.</summary>
    public static readonly string[] Surnames =
    [
        "陈", "李", "黄", "张", "梁", "林", "刘", "吴", "罗", "何", "郑", "杨", "谢", "周", "曾", "邓", "许", "冯",
        "朱", "苏", "叶", "蔡", "钟", "潘", "卢", "余", "彭", "赖", "胡", "肖", "王", "徐", "郭", "邱", "温", "方",
        "麦", "庄", "吕", "关", "欧阳", "司徒",
    ];

    /// <summary>Characters of given names; a given name has one or two of them.</summary>
    public static readonly string[] GivenNameCharacters =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
        "霞", "平", "刚", "桂", "英", "华", "玲", "红", "辉", "斌", "宇", "浩", "婷", "晓", "文", "俊", "鹏", "志",
        "建", "国", "海", "燕", "梅", "琳", "嘉", "颖", "欣", "铭", "思", "雅", "家", "健", "锦", "荣", "泽", "佳",
        "子", "雯", "诗", "慧", "瑞", "晨", "宏", "德",
    ];

    /// <summary>First characters of a two-character trade name (字号).</summary>
    public static readonly string[] TradeNameFirst =
    [
        "恒", "宏", "华", "鑫", "盛", "锦", "永", "泰", "嘉", "瑞", "广", "粤", "金", "银", "新", "信", "诚", "德",
        "富", "丰", "兴", "昌", "隆", "益", "和", "达", "通", "安", "康", "顺", "优", "汇", "卓", "创", "博", "睿",
        "联", "航", "星", "海",
    ];

    /// <summary>Second characters of a two-character trade name (字号).</summary>
    public static readonly string[] TradeNameSecond =
    [
        "达", "信", "泰", "源", "丰", "盛", "发", "成", "辉", "利", "业", "通", "力", "宇", "创", "科", "远", "捷",
        "美", "佳", "鸿", "祥", "润", "晟", "城", "邦", "越", "弘", "峰", "顺", "森", "凯", "耀", "骏", "新", "亿",
        "腾", "豪", "立", "展",
    ];

    /// <summary>Names of roads, without the road suffix.</summary>
    public static readonly string[] Roads =
    [
        "建设", "人民", "中山", "解放", "新华", "东风", "环城", "滨江", "工业", "科技", "创业", "迎宾", "文化", "健康",
        "振兴", "和平", "幸福", "南华", "花园", "兴业", "金融", "长江", "沿江", "站前", "朝阳", "青年", "育才", "跃进",
        "银河", "鹏程",
    ];

    /// <summary>Road suffixes.</summary>
    public static readonly string[] RoadSuffixes = ["路", "路", "路", "大道", "街", "东路", "西路", "南路", "北路"];

    /// <summary>Risk flags an employer can carry; the first is the most common.</summary>
    public static readonly string[] RiskFlags =
    [
        "欠薪投诉", "未参保举报", "超时加班投诉", "未签劳动合同举报", "劳动争议多发",
    ];

    /// <summary>
    /// GB/T 4754-2017 sections of ordinary employers, with a weight in thousandths and the business words
    /// that go into a company name of the section.
    /// </summary>
    public static readonly (string Section, int Weight, string[] Words)[] Industries =
    [
        ("C", 280,
            [
                "电子科技", "五金制品", "塑胶制品", "服装", "家具", "机械设备",
                "食品", "纺织", "灯饰", "陶瓷", "印刷", "包装材料",
            ]),
        ("E", 80, ["建筑工程", "建设工程", "装饰工程", "市政工程", "机电安装工程"]),
        ("F", 240, ["贸易", "商贸", "百货", "供应链管理", "电器", "五金交电"]),
        ("G", 60, ["物流", "运输", "货运代理", "仓储"]),
        ("H", 80, ["餐饮管理", "酒店管理", "饮食服务"]),
        ("I", 50, ["信息技术", "网络科技", "软件科技"]),
        ("K", 30, ["房地产开发", "物业管理"]),
        ("L", 50, ["商务咨询", "企业管理咨询", "广告"]),
        ("M", 30, ["检测技术", "工程设计"]),
        ("N", 15, ["环境工程", "园林绿化"]),
        ("O", 45, ["家政服务", "汽车维修", "美容美发"]),
        ("Q", 20, ["养老服务", "康复护理"]),
        ("R", 20, ["文化传播", "体育发展"]),
    ];

    /// <summary>Business words of labour dispatch agencies (section L, 7263 劳务派遣服务).</summary>
    public static readonly string[] DispatchWords = ["劳务派遣", "劳务服务"];

    /// <summary>Business words of human resources service agencies (section L, 726 人力资源服务).</summary>
    public static readonly string[] HumanResourcesWords = ["人力资源", "人力资源服务", "人才服务"];

    /// <summary>
    /// Names of private vocational training schools (section P, 8391 职业技能培训), after the trade name.
    /// </summary>
    public static readonly string[] TrainingSchoolNames = ["职业培训学校", "职业技能培训学校", "职业技术培训学校"];
}

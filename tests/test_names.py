import pytest

from park_digest.parse.names import inline_authors, split_byline, trailing_byline


@pytest.mark.parametrize("line,authors", [
    ("► 肖玲玲", ("肖玲玲",)),
    ("▶ 本报特约通讯员 李青健 肖玲玲", ("李青健", "肖玲玲")),
    ("李媛 肖玲玲", ("李媛", "肖玲玲")),
    ("本报记者 张三 通讯员 李四", ("张三", "李四")),
    ("文/图 本报记者 刘洋", ("刘洋",)),
    ("记者 孙立 文/图", ("孙立",)),  # the credit after the names closes a story on an e-paper page
    ("（张明）", ("张明",)),
    ("欧阳娜娜", ("欧阳娜娜",)),
    ("潮汐新闻记者 | 孙倩", ("孙倩",)),  # a news app's author card: outlet, role, pipe, name
    ("澎湃新闻记者 李华", ("李华",)),
    ("河南日报客户端记者 王娟", ("王娟",)),  # a paper's app as the outlet
    ("大河报·豫视频记者 李明 通讯员 赵红", ("李明", "赵红")),
])
def test_bylines(line, authors):
    assert split_byline(line) == authors


@pytest.mark.parametrize("line", ["短讯", "广告", "园区动态", "创新发展", "高新区供图", "王者归来",
                                  "3年3投 信任扎根", "青岛高新区政务服务中心", "园区视频记者"])
def test_not_bylines(line):
    assert split_byline(line) == ()


def test_inline_and_trailing_bylines():
    assert inline_authors("本报讯（特约通讯员 陈一薇）近日，嘉兴市") == ("陈一薇",)
    assert inline_authors("新华社北京1月2日电（记者 张三 李四）近日") == ("张三", "李四")
    assert trailing_byline("助力更多新药研究成果快速转化。 李文晴") == ("助力更多新药研究成果快速转化。", "李文晴", ("李文晴",))
    assert trailing_byline("这是一个句子。 然后还有") is None


def test_romanized_names():
    from park_digest.parse.names import romanize_name
    assert romanize_name("肖玲玲") == "Xiao Lingling"
    assert romanize_name("单雄信") == "Shan Xiongxin"
    assert romanize_name("欧阳娜娜") == "Ouyang Nana"


def test_a_broadcast_crew_line_names_its_reporters_and_camera_not_its_editor():
    assert split_byline("记者：何晓 谢川 摄像：吴涛") == ("何晓", "谢川", "吴涛")
    assert split_byline("记者 钟敏 林浩 摄像 葛云飞 编辑 王萌") == ("钟敏", "林浩", "葛云飞")
    assert split_byline("编辑：王萌") == ()

"""Recognize Chinese personal names in bylines.

No segmenter tells a byline from a short heading reliably, so this is a rule: a byline is one to
four tokens of two to four Chinese characters, each starting with a common surname, optionally
after a role (本报记者, 特约通讯员 …) and a marker (► ▶). With a marker or role, names are
accepted as they stand; a bare line of names must pass the surname check.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .pinyin import lazy_pinyin

# The most common Chinese surnames (covering the vast majority of the population).
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木")

_MARKER = r"[►▶▷➤■□●◆◇▪・·—\-]*"
# An outlet may prefix the role and a pipe follow it (界面新闻记者 | 孙倩, a news app's author card);
# the outlet may be a paper's app or video channel (河南日报客户端记者 王娟, 大河报·豫视频记者) or a
# business outlet (第一财经记者 张三).
_ROLE = (r"(?:(?:本报|本刊|新华社|人民网|中新网|[\u4e00-\u9fff]{2,6}(?:新闻|网|报|社|台|财经)|"
         r"[\u4e00-\u9fff]{2,6}[·•]?[\u4e00-\u9fff]{0,4}(?:客户端|融媒|视频|APP|App))?(?:特约|首席|实习)?"
         r"(?:记者|通讯员|撰稿人|评论员)(?:\s*[|｜](?=\s*[\u4e00-\u9fff]))?|"
         r"(?:摄像|摄影|拍摄|航拍|剪辑|配音)[：:]?|"  # a broadcast clip's crew: 记者 何晓 摄像 吴涛
         r"文[/／|｜]图|图[/／|｜]文|文[/／|｜]|文[：:]|作者[：:]|记者[：:]|通讯员[：:]|撰文[：:]|图文[：:]|文图[：:])")
# 记者 孙立 文/图: the credit for words and pictures may follow the names.
_BYLINE = re.compile(rf"^{_MARKER}\s*[（(]?\s*((?:{_ROLE}\s*)*)((?:(?:{_ROLE})?\s*[\u4e00-\u9fff·]{{2,4}}[\s、，,]*){{1,4}})"
                     r"(?:\s*(?:文[/／|｜]图|图[/／|｜]文))?[）)]?$")
_EDITOR_AFTER = re.compile(r"(?<=\S)\s+(?:责任编辑|责编|编辑|审核|校对|监制|主编|制片人?)[：:]?\s*(?=[\u4e00-\u9fff])")
_ROLE_ONLY = re.compile(rf"^(?:{_ROLE})$")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_TRAILING = re.compile(r"^(.*[。！？”])[ \u3000]+((?:[\u4e00-\u9fff]{2,3}[ \u3000、]*){1,3})$")
_FUNCTION_CHARS = set("的了是在和与及或为对从将被把这那其之也都就而")


def looks_like_name(token: str) -> bool:
    if not 2 <= len(token) <= 4 or any(ch in _FUNCTION_CHARS for ch in token[1:]):
        return False
    if token[:2] in COMPOUND_SURNAMES:
        return len(token) >= 3
    return token[0] in SURNAMES and len(token) <= 3


def split_byline(text: str) -> tuple[str, ...]:
    """Authors named by a byline line, or () when the line is not a byline."""
    if "。" in text:  # prose, which the pattern cannot match but backtracks long on
        return ()
    # 记者 何晓 摄像 吴涛 编辑 邱雨: the editor after the crew edited the page, not the story
    text = _EDITOR_AFTER.split(text.strip(), maxsplit=1)[0]
    match = _BYLINE.match(text)
    if not match:
        return ()
    role, names = match.group(1), match.group(2)
    tokens = [t for t in _NAME.findall(_strip_roles(names)) if not _ROLE_ONLY.match(t)]
    marked = bool(role) or text.lstrip()[:1] in "►▶▷➤·"
    if not tokens:
        return ()
    if marked or all(looks_like_name(t) for t in tokens):
        return tuple(tokens)
    return ()


def _strip_roles(text: str) -> str:
    """`张三 通讯员 李四` → `张三 李四`: roles between names are not names."""
    return re.sub(_ROLE, " ", text)


def trailing_byline(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    """Split `…成果快速转化。 李文晴` into (body, byline text, authors)."""
    match = _TRAILING.match(text)
    if not match:
        return None
    tokens = tuple(_NAME.findall(match.group(2)))
    if tokens and all(looks_like_name(t) for t in tokens):
        return match.group(1), match.group(2).strip(), tokens
    return None


# 本报讯（特约通讯员 陈一薇） / 新华社北京1月2日电（记者 张三）
_INLINE = re.compile(r"^(?:本报讯|本报[\u4e00-\u9fff]{0,6}电|新华社[\u4e00-\u9fff\d]{0,12}电)\s*[（(]\s*(?:"
                     + _ROLE + r"\s*)*([^）)]{2,20})[）)]")


def inline_authors(text: str) -> tuple[str, ...]:
    """`本报讯（特约通讯员 陈一薇）…` names its authors inside the first sentence."""
    match = _INLINE.match(text)
    if not match:
        return ()
    return tuple(t for t in _NAME.findall(match.group(1)) if t not in ("本报", "记者", "通讯员"))


# Surnames whose reading differs from the character's common one (单 is Shan, not dan).
_SURNAME_READINGS = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
                     "朴": "piao", "翟": "zhai", "覃": "qin", "乐": "yue", "盖": "ge", "缪": "miao",
                     "柏": "bai", "尉迟": "yuchi", "长孙": "zhangsun", "令狐": "linghu"}


@lru_cache(maxsize=4096)  # pypinyin is slow; a story's authors are romanized for every language
def romanize_name(name: str) -> str:
    """A Chinese personal name in pinyin, surname first: 肖玲玲 → Xiao Lingling."""
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
    given = name[len(surname):]
    family = _SURNAME_READINGS.get(surname) or "".join(lazy_pinyin(surname))
    personal = "".join(lazy_pinyin(given))
    return " ".join(part.capitalize() for part in (family, personal) if part)

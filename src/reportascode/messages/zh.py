"""中文消息目录。键名与 en.py 一一对应。"""

MESSAGES: dict[str, str] = {
    # 载入（YAML 解析）
    "load.syntax": "YAML 语法错误：{detail}",
    "load.duplicate_key": "重复的键“{key}”（第 {first_line} 行已出现）；YAML 中同一映射内的键必须唯一",
    "load.tab_indent": "缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
    "load.tab_after_key": "冒号后使用了制表符（Tab）；请改用空格，不同解析器对此处理不一致",
    "load.depth": "嵌套层级过深（上限 {limit} 层），拒绝解析",
    "load.too_many_nodes": "别名（alias）展开后节点过多（上限 {limit} 个），疑似“十亿笑声”炸弹，拒绝解析",
    "load.alias_cycle": "别名引用了自身（循环引用），无法转换为数据",
    "load.too_large": "文件过大（{size} 字节，上限 {limit} 字节），拒绝解析",
    "load.gbk": "文件不是 UTF-8 编码（第 {byte} 字节起无法解码），看起来是 GBK/GB18030 编码；请在编辑器中另存为 UTF-8",
    "load.not_utf8": "文件不是 UTF-8 编码（第 {byte} 字节起无法解码）；请另存为 UTF-8",
    "load.utf16": "文件是 UTF-16 编码；请另存为 UTF-8（可带或不带 BOM）",
    "load.tag": "不支持的 YAML 标签“{tag}”",
    "load.unreadable": "无法读取文件：{detail}",
    "load.complex_key": "映射的键必须是简单的字符串",
    # 文件
    "file.missing": "报告缺少文件 {name}",
    "file.empty": "文件为空（没有任何数据）",
    "file.unknown": "报告目录中有未知的 YAML 文件 {name}；是否拼写错误？已知文件：{expected}",
    "file.unreadable": "无法读取文件：{detail}",
    "meta.year_mismatch": "报告年度 {value} 与目录名 {folder} 不一致",
    "schema.version_unknown": "未知的 schema_version“{value}”；可用版本：{known}",
    # 模式（JSON Schema）
    "schema.type": "{label}：应为{expected}，实际为{actual_type}“{actual}”{hint}",
    "schema.hint_quote": "（若为编码或号码，请加引号写成字符串）",
    "schema.required": "{label}：缺少必填字段“{field}”（{field_label}）",
    "schema.unknown_key": "未知字段“{field}”；是否拼写错误？{suggestion}",
    "schema.suggestion": "可能是“{candidate}”。",
    "schema.enum": "{label}：取值“{actual}”不在允许范围内：{allowed}",
    "schema.const": "{label}：应为“{expected}”，实际为“{actual}”",
    "schema.format_date": "{label}：“{actual}”不是有效日期，应为 YYYY-MM-DD",
    "schema.format": "{label}：“{actual}”不符合格式 {format}",
    "schema.pattern": "{label}：“{actual}”格式不正确{pattern_hint}",
    "schema.minimum": "{label}：{actual} 小于最小值 {limit}",
    "schema.maximum": "{label}：{actual} 大于最大值 {limit}",
    "schema.min_length": "{label}：内容过短或为空",
    "schema.max_length": "{label}：内容过长",
    "schema.min_items": "{label}：至少需要 {limit} 项",
    "schema.max_items": "{label}：最多 {limit} 项",
    "schema.unique": "{label}：列表中有重复项",
    "schema.decimals": "{label}：{actual} 的小数位超过 {limit} 位",
    "schema.other": "{label}：不符合数据模型（{detail}）",
    "schema.ref_refused": "模式引用“{ref}”指向工作区和程序包之外，已拒绝（不会访问网络）",
    "type.string": "文本",
    "type.integer": "整数",
    "type.number": "数字",
    "type.boolean": "布尔值（true/false）",
    "type.object": "映射（键: 值）",
    "type.array": "列表",
    "type.null": "空值",
    "pattern.uscc": "（统一社会信用代码为 18 位，不含 I、O、Z、S、V）",
    "pattern.licence_no": "（许可证编号形如 B2-20203417 或 浙B2-20203417）",
    "pattern.postcode": "（邮政编码为 6 位数字）",
    "pattern.date": "（日期格式为 YYYY-MM-DD）",
    # 汇总与命令行
    "summary.line": "{reports} 份报告，{files} 个文件：{errors} 个错误，{warnings} 个警告，"
    "{infos} 条提示，{waived} 项已豁免",
    "summary.clean": "{reports} 份报告，{files} 个文件：未发现问题",
    "severity.error": "错误",
    "severity.warning": "警告",
    "severity.info": "提示",
    "cli.no_workspace": "未找到工作区：{path} 及其上级目录中"
    "没有 .reportascode.yaml 或 reports/ 目录",
    "cli.not_a_report": "{path} 不在任何年度报告目录（reports/<年度>/ 或 reports/<主体>/<年度>/）中",
    "cli.no_reports": "工作区 {root} 中没有找到年度报告（reports/<年度>/meta.yaml）",
    "cli.internal_error": "内部错误（程序缺陷，而非报告问题）：{detail}；加 --traceback 查看详情",
    "cli.path_missing": "路径不存在：{path}",
    "config.invalid": "工作区配置 {file} 第 {line} 行第 {column} 列：{detail}",
    # diff
    "diff.section.stock": "存量数据（企业、许可证、码号、中继、分支机构）",
    "diff.section.flow": "流量数据（业务、财务、合规、签署、情况说明、报送信息）",
    "diff.section_short.stock": "存量",
    "diff.section_short.flow": "流量",
    "diff.yoy_note": "同比比较 {year_a} → {year_b}：“!”标出变动超过 ±{threshold}% 的数值",
    "diff.yoy_note_md": "同比比较 {year_a} → {year_b}：⚠️ 标出变动超过 ±{threshold}% 的数值。",
    "diff.yoy_mark": "同比变动超过 ±{threshold}%",
    "diff.kind.added": "新增",
    "diff.kind.removed": "删除",
    "diff.kind.changed": "修改",
    "diff.no_changes": "数据无差异",
    "diff.summary": "{files} 个文件有差异：新增 {added} 项，删除 {removed} 项，修改 {changed} 项",
    "diff.summary_marked": "；{marked} 项同比变动超过 ±{threshold}%",
    "diff.summary_problems": "；{problems} 个文件版本无法读取",
    "diff.unreadable": "{file}（{side}：{source}）无法读取，未作比较：第 {line} 行第 {column} 列：{detail}",
    "diff.md.title": "数据差异",
    "diff.md.section": "类别",
    "diff.md.file": "文件",
    "diff.md.added": "新增",
    "diff.md.removed": "删除",
    "diff.md.changed": "修改",
    "diff.md.total": "合计",
    "diff.md.counts": "新增 {added}，删除 {removed}，修改 {changed}",
    "diff.md.kind": "变化",
    "diff.md.field": "字段",
    "diff.md.pointer": "指针",
    "diff.md.old": "原值",
    "diff.md.new": "新值",
    "diff.md.change": "增减",
    "diff.no_such": "找不到“{spec}”：它既不是路径，也不是工作区中的年度（reports/<年度>），"
    "也不是 REV:PATH 形式的 git 修订版本",
    "diff.no_year": "{path} 中没有 {year} 年度的报告",
    "diff.ambiguous_year": "{year} 年度有多个主体的报告（{candidates}），请写明主体，如 {example}",
    "diff.not_a_report": "{path} 中没有 YAML 文件，不是年度报告目录",
    "diff.not_yaml": "{path} 不是 YAML 文件",
    "diff.mixed": "不能将报告目录与单个文件比较：{a} 与 {b}",
    "diff.rev_needs_path": "“{spec}”只写了修订版本，缺少路径；应写作 REV:PATH，如 main:reports/2024",
    "diff.bad_rev": "无效的 git 修订版本“{rev}”（不能为空，也不能以“-”开头）",
    "diff.no_revision": "git 修订版本不存在：{rev}",
    "diff.no_path_in_rev": "修订版本 {rev} 中没有 {path}",
    "diff.not_git": "{path} 不在 git 仓库中，无法读取修订版本（REV:PATH）",
    "diff.outside_repo": "{path} 在 git 仓库 {root} 之外",
    "diff.git_missing": "未安装 git（或不在 PATH 中），读取修订版本需要 git",
    "diff.git_failed": "读取 git 数据失败：{detail}",
    "diff.threshold": "--threshold 须为非负的百分数，而不是“{value}”",
    # 渲染与构建
    "render.template_undefined": "模板 {template} 第 {line} 行：{detail}",
    "render.template_syntax": "模板 {template} 第 {line} 行：语法错误：{detail}",
    "render.template_security": "模板 {template} 第 {line} 行：被沙箱拒绝：{detail}",
    "render.template_name_refused": "模板 {template} 第 {line} 行：拒绝模板名“{name}”；"
    "模板名须为 templates/ 内的相对路径（不得含 ..，不得为绝对路径）",
    "render.template_missing": "模板 {template} 第 {line} 行：在工作区 templates/ 与内置模板中均找不到模板“{name}”",
    "render.template_error": "模板 {template} 第 {line} 行：{detail}",
    "render.layout_invalid": "表格版式 {file} 第 {line} 行第 {column} 列：{detail}",
    "render.no_weasyprint": "生成 PDF 需要 WeasyPrint，但未安装：pip install 'reportascode[pdf]'",
    "render.weasyprint_broken": "WeasyPrint 无法启动（{detail}）；请安装其依赖的系统库（Pango）",
    "render.no_cjk_font": "未安装中文（CJK）字体（fc-list :lang=zh 无结果），PDF 中的中文将显示为方框；"
    "请先安装字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试",
    "render.out_not_build": "拒绝覆盖 {path}：该目录已存在且含有非 rac 生成的文件；请另选 --out",
    "render.no_report": "找不到“{value}”对应的报告：请给出报告目录或年度（reports/<年度>/）",
    "render.refused": "{report}：有 {errors} 项错误，未生成文档；请先修正，或用 --draft 生成带草稿标记的文档",
    "render.draft": "{report}：已生成草稿（每页均有“草稿”标记）",
    "render.wrote": "已写入 {path}",
    "render.pdf_skipped": "跳过 PDF：{reason}",
    "build.report_ok": "{report}：已生成（{files} 个文件）",
    "build.report_draft": "{report}：有 {errors} 项错误，已生成草稿（{files} 个文件）",
    "build.report_refused": "{report}：有 {errors} 项错误，未生成文档",
    "build.index": "已写入 {path}",
    "build.status_ok": "无错误，可报送",
    "build.status_draft": "{errors} 项错误，仅草稿",
    "build.status_refused": "{errors} 项错误，未生成",
    "trends.no_entity": "没有主体“{entity}”的报告（目录 reports/<主体>/<年度>/）；现有主体：{entities}",
    "trends.no_matplotlib": "绘制图表需要 matplotlib，但未安装：pip install 'reportascode[charts]'",
    "trends.no_cjk_font": "未安装中文（CJK）字体（fc-list :lang=zh 无结果），图表中的中文将显示为方框；"
    "请先安装字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试",
    "trends.charts_skipped": "未生成图表：{reason}",
    "trends.refused": "未生成多年度文档：报告中有 {errors} 项错误；请先修正，或用 --draft 生成带标记的草稿",
    "trends.draft": "多年度文档已生成为草稿：报告中有 {errors} 项错误",
    # 审计轨迹（git 历史、数据锁定、报送记录、核验）
    "git.not_a_repository": "{path} 不在 git 仓库中；审计轨迹需要 git 历史",
    "git.no_commits": "仓库 {root} 还没有任何提交；先提交报告数据再查看历史",
    "git.shallow": "仓库 {root} 是浅克隆，{since} 之前的历史缺失；请先运行 git fetch --unshallow",
    "git.bad_revision": "无效的 git 版本“{rev}”",
    "git.failed": "{command} 失败：{detail}",
    "lock.dirty": "报告 {report} 有未提交的修改；请先提交再锁定或报送",
    "lock.has_errors": "报告 {report} 仍有 {errors} 个错误，不能锁定",
    "lock.already": "报告 {report} 已有标签 {tag}；不会覆盖",
    "lock.not_frozen": "报告 {report} 尚未锁定（rac freeze）",
    "lock.changed_without_correction": "锁定后（提交 {commit}，{date}）修改了 {field}：{old} → {new}，"
    "但没有更正记录（corrections.yaml：原因、日期、批准人、字段）",
    "rule.LOCK-01.title": "锁定后修改数据须有更正记录",
    "verify.not_frozen": "报告 {report} 尚未锁定，没有可核验的清单",
    "verify.tag_missing": "标签 {tag} 不存在",
    "verify.tag_not_ancestor": "标签 {tag} 指向的提交 {commit} 不在当前历史中（历史被改写？）",
    "verify.tag_moved": "标签 {tag} 指向的提交 {commit} 中的清单与当前清单不一致（标签被移动？）",
    "verify.intact": "报告 {report} 与锁定清单一致（提交 {commit}，{date}）",
    "verify.changed": "报告 {report} 自锁定以来有 {count} 处字段变化，其中 {uncorrected} 处没有更正记录",
    "log.reformat_only": "仅格式调整，数据未变",
    "blame.uncommitted": "未提交",
    # workspace rules（工作区自定义规则）
    "rules.failed": "{text}（工作区规则，{source}）",
    "rules.failed_missing": "缺少字段 {field}，工作区规则 {rule}（{source}）不通过：{text}",
    "rules.skipped": "本报告缺少字段 {field}，已跳过工作区规则 {rule}（{source}）",
    "rules.eval_error": "工作区规则 {rule}（{source}）无法在本报告上求值：{reason}",
    "rules.eval.needs_number": "{operation} 需要数字，实际为{kind}“{value}”",
    "rules.eval.needs_boolean": "{operation} 需要真或假（true/false），实际为{kind}“{value}”",
    "rules.eval.needs_list": "{operation} 需要列表，实际为{kind}",
    "rules.eval.needs_container": "“in” 右侧需要列表或文本，实际为{kind}",
    "rules.eval.compare_types": "无法用“{op}”比较{left}与{right}",
    "rules.eval.division_by_zero": "除数为零",
    "rules.eval.arithmetic": "算术错误（{detail}）",
    "rules.eval.empty": "{operation} 的列表为空",
    "rules.eval.places": "round() 的小数位数须在 0 到 {limit} 之间，实际为 {value}",
    "rules.eval.not_boolean": "断言的结果须为真或假，实际为{kind}“{value}”",
    "rules.schema.required": "缺少必填键“{field}”",
    "rules.schema.enum": "{field}：“{actual}”不是可选值 {allowed} 之一",
    "rules.schema.type": "{field}：应为{expected}，实际为{actual}",
    "rules.schema.other": "{field}：不符合规则文件格式（{detail}）",
    "rules.id_pattern": "规则编号“{actual}”无效：请用字母和数字，以“-”“.”或“_”连接（如 ACME-01、acme.insured-staff）",
    "rules.id_builtin": "规则编号“{id}”与内置检查项重复；工作区规则请使用自己的前缀，如 ACME-01",
    "rules.id_reserved_family": "规则编号“{id}”以内置检查项系列 {family} 开头；工作区规则请使用自己的前缀，如 ACME-01",
    "rules.id_duplicate": "规则编号“{id}”已在 {first} 定义",
    "rules.read_name": "“{actual}”不能作为字段名：须以字母开头，后接字母、数字或“_”",
    "rules.read_name_reserved": "“{name}”是保留字或函数名，请换一个名称",
    "rules.reference_pattern": "字段引用“{actual}”无效：应写作 <文件>#<JSON 指针>，如 company#/staff/total",
    "rules.unknown_file": "“{file}”不是报告文件；已知文件：{known}。{suggestion}",
    "rules.pointer": "“{reference}”：“#”之后应为以“/”开头的 JSON 指针，如 company#/staff/total",
    "rules.unknown_field": "{reference} 不是数据模型中的字段；是否拼写错误？{suggestion}",
    "rules.at_unknown": "at：“{name}”不是 reads 中的名称（{known}）",
    "rules.placeholder_unknown": "提示信息中使用了 {{{name}}}，但它不是 reads 中的名称（{known}）",
    "rules.expr.too_long": "断言长 {length} 个字符，超过上限 {limit}",
    "rules.expr.empty": "断言为空",
    "rules.expr.syntax": "断言不是有效的表达式：{detail}",
    "rules.expr.refused": "断言中不允许使用{construct}（允许：数字、文本、reads 中的名称、比较、and/or/not、"
    "+ - * / // %、x if c else y，以及函数 {functions}）",
    "rules.expr.unknown_name": "“{name}”不是 reads 中的名称（已有：{known}）",
    "rules.expr.unknown_function": "“{name}”不是允许的函数（允许：{functions}）",
    "rules.expr.function_value": "“{name}”是函数，须调用，如 {name}(x)",
    "rules.expr.arity": "{name}() 需要 {expected} 个参数，实际为 {count} 个",
    "rules.expr.present": "present() 的参数须为 reads 中的一个名称，如 present(insured)",
    "rules.expr.number": "数字 {text} 超出范围",
    "rules.expr.too_deep": "断言嵌套超过 {limit} 层",
    "rules.expr.too_big": "断言超过 {limit} 个组成部分",
    "rules.construct.attribute": "属性访问（“.{name}”）",
    "rules.construct.subscript": "下标或切片（[...]）",
    "rules.construct.lambda": " lambda ",
    "rules.construct.comprehension": "推导式或生成器",
    "rules.construct.walrus": "赋值（:=）",
    "rules.construct.fstring": " f-string ",
    "rules.construct.dict": "字典或集合字面量",
    "rules.construct.starred": "解包（*）",
    "rules.construct.power": "乘方运算符（**）",
    "rules.construct.bitwise": "位运算符",
    "rules.construct.is": "“is”（请用 == 或 present()）",
    "rules.construct.none": " None（请用 present(名称)）",
    "rules.construct.complex": "复数",
    "rules.construct.bytes": "字节串",
    "rules.construct.keyword_argument": "关键字参数",
    "rules.construct.call": "调用函数名以外的对象",
    "rules.construct.other": "该语法（{node}）",
    # 编写（rac init / new-year / fmt / set / timeline / schema）与待填项
    "fill.placeholder": "{label}：尚未填写（占位符“{value}”；本报告第 {index}/{count} 处待填）",
    "rule.FILL-01.title": "尚未填写的值（占位符“待填”/TODO）",
    "rule.FILL-01.doc": "rac init 与 rac new-year 在需要填写本年度数值处写入占位符“待填”（也可写 TODO）。"
    "每个占位符报告一次，位置精确到行列，并给出本报告待填总数；同一位置不再重复报告模式错误。"
    "全部填完报告才有效。起草阶段可在 .reportascode.yaml 中设置 severity: {FILL-01: warning}，提交前删除。",
    "fmt.unreadable": "无法整理：第 {line} 行第 {column} 列有载入错误（{rule}），请先用 rac validate 查看",
    "fmt.would_break": "整理结果无法读取（第 {line} 行第 {column} 列），已放弃，文件未改动",
    "fmt.would_change_data": "整理会改变 {pointer} 处的数据，已放弃，文件未改动",
    "fmt.would_lose_comment": "整理会丢失注释“{comment}”，已放弃，文件未改动",
    "fmt.refused": "{path}：{reason}",
    "fmt.would_reformat": "需要整理：{path}",
    "fmt.reformatted": "已整理：{path}",
    "fmt.summary": "已整理 {changed} 个文件，{unchanged} 个文件无需改动，{refused} 个文件无法整理",
    "fmt.summary_check": "{changed} 个文件需要整理，{unchanged} 个文件无需改动，{refused} 个文件无法整理",
    "set.unreadable": "文件有载入错误（第 {line} 行第 {column} 列，{rule}），未修改；请先用 rac validate 查看",
    "set.multiline_value": "VALUE 必须是一行",
    "set.no_such_pointer": "文件中没有 {pointer}，其上级也不是可以新增键的映射",
    "set.bad_value": "无法按 YAML 读取 VALUE“{value}”（{rule}）",
    "set.schema_rejects": "{pointer} 的新值不符合数据模型，未修改：",
    "set.layout": "{pointer} 处的写法无法就地修改，请手工编辑",
    "set.would_change_other": "修改会影响 {pointer} 处的其他数据，已放弃，文件未改动（程序缺陷，请报告）",
    "set.would_lose_comment": "修改会丢失注释“{comment}”，已放弃，文件未改动",
    "set.not_report_file": "{path} 不是报告文件；应为报告目录中的 {expected} 之一",
    "set.bad_pointer": "“{pointer}”不是 JSON 指针：应以 / 开头，如 /seats/total（整个文件用 \"\"）",
    "set.not_utf8": "{path} 不是 UTF-8 编码；请先另存为 UTF-8",
    "set.done": "{path}:{line}:{column}: {pointer} = {value}",
    "set.added": "{path}:{line}:{column}: {pointer} = {value}（新增）",
    # rac workbook（填报工作簿的导出与导入）
    "workbook.sheet.meta": "报送信息",
    "workbook.sheet.company": "基本情况",
    "workbook.sheet.licence": "许可证",
    "workbook.sheet.operations": "业务发展",
    "workbook.sheet.finance": "经济效益",
    "workbook.sheet.branches": "分支机构",
    "workbook.sheet.numbers": "码号资源",
    "workbook.sheet.trunks": "语音中继",
    "workbook.sheet.compliance": "服务质量与安全",
    "workbook.sheet.signatures": "签署信息",
    "workbook.sheet.explanations": "情况说明",
    "workbook.title": "{company} {year} 年度年报填报工作簿",
    "workbook.sheet_title": "{title} · {company} · {year} 年度",
    "workbook.note.fields": "只在黄色单元格中填写（单位见“单位”列，鼠标移到单元格上可看填写要求）；“待填”表示尚未填写。"
    "标签和隐藏工作表请勿修改。",
    "workbook.note.table": "每行一条记录，以「{keys}」识别；可在下方空白黄色行新增记录，或删除整行以删除记录。"
    "表头请勿修改。",
    "workbook.separator": "、",
    "workbook.with_unit": "{label}（{unit}）",
    "workbook.head.item": "项目",
    "workbook.head.unit": "单位",
    "workbook.head.value": "填写值",
    "workbook.placeholder": "待填",
    "workbook.yes": "是",
    "workbook.no": "否",
    "workbook.rule.integer": "整数",
    "workbook.rule.number": "数字",
    "workbook.rule.date": "日期（如 2025-03-31）",
    "workbook.rule.boolean": "从列表中选择“是”或“否”",
    "workbook.rule.enum": "从下拉列表中选择",
    "workbook.rule.string": "文本",
    "workbook.rule.list": "可填多项，每行一项（代码类也可用逗号或顿号分隔）",
    "workbook.rule.places": "，最多 {places} 位小数",
    "workbook.rule.minimum": "，不小于 {minimum}",
    "workbook.rule.maximum": "，不大于 {maximum}",
    "workbook.rule.nullable": "；不适用时留空",
    "workbook.validation.title": "填写有误",
    "workbook.validation.integer": "请填写整数（不含单位和文字）",
    "workbook.validation.number": "请填写数字（不含单位和文字）",
    "workbook.validation.date": "请填写日期，如 2025-03-31",
    "workbook.validation.enum": "请从下拉列表中选择",
    "workbook.validation.boolean": "请选择“是”或“否”",
    "workbook.exported": "已写出 {path}（{report}）：{sheets} 个工作表，{fields} 个字段，{records} 条记录",
    "workbook.export.one_report": "“{value}”对应多个报告；请指定一个报告目录，如 reports/2024",
    "workbook.export.unknown_file": "未知的报告文件“{name}”；可选：{expected}",
    "workbook.export.out_is_folder": "{path} 是目录；--out 请给出 .xlsx 文件路径",
    "workbook.export.value_too_long": "有字段的值超过 {limit} 个字符，无法写入工作簿；请用 rac set 或直接编辑 YAML",
    "workbook.read.no_openpyxl": "读取工作簿需要 openpyxl；请安装 reportascode 的依赖",
    "workbook.read.broken": "{path} 不是可读取的 XLSX 工作簿：{detail}",
    "workbook.read.not_ours": "{path} 不是 rac workbook export 导出的工作簿（缺少隐藏的定位信息）；"
    "请先用 rac workbook export 导出，在其中填写",
    "workbook.read.anchors_damaged": "{path} 的隐藏定位信息已被改动或损坏；请重新导出工作簿后填写",
    "workbook.read.too_many_cells": "工作簿的单元格超过 {limit} 个；拒绝读取",
    "workbook.import.no_report": "工作簿对应的报告 {report} 不在本工作区中；请在该报告所在的仓库中导入",
    "workbook.import.other_company": "{path} 是为 {theirs} 导出的，而 {report} 是 {ours} 的报告；未写入任何文件",
    "workbook.import.other_year": "{path} 是 {theirs} 年度的工作簿，而 {report} 是 {ours} 年度；未写入任何文件",
    "workbook.import.file_broken": "{path} 第 {line} 行第 {column} 列有读取错误（{rule}），请先修正（见 rac validate）",
    "workbook.import.sheet_missing": "{path} 中缺少工作表 {sheets}（被删除或改名）；请恢复原名或重新导出；"
    "未写入任何文件",
    "workbook.import.refused": "未导入：{problems} 处单元格无法读取，{conflicts} 处冲突；未写入任何文件",
    "workbook.import.repository_moved": "注意：导出后仓库中有 {count} 个字段已改动，工作簿未改这些字段，保留仓库中的值",
    "workbook.import.nothing": "工作簿与 {report} 没有差异；未写入任何文件",
    "workbook.import.dry_run": "试运行（--dry-run）：{files} 个文件将被修改；未写入任何文件",
    "workbook.import.written": "已导入：修改 {files} 个文件（{report}）；校验结果如下",
    "workbook.cell.too_long": "文本超过 {limit} 个字符",
    "workbook.cell.not_integer": "“{value}”不是整数（数字单元格中只填数字，不含单位和文字）",
    "workbook.cell.not_number": "“{value}”不是数字（数字单元格中只填数字，不含单位和文字）",
    "workbook.cell.places": "“{value}”的小数超过 {places} 位",
    "workbook.cell.below": "“{value}”小于下限 {minimum}",
    "workbook.cell.above": "“{value}”大于上限 {maximum}",
    "workbook.cell.not_date": "“{value}”不是日期（如 2025-03-31）",
    "workbook.cell.not_boolean": "“{value}”不是“是”或“否”",
    "workbook.cell.not_choice": "“{value}”不在可选值中（{choices}）",
    "workbook.cell.formula": "单元格是公式 {formula}；rac 不计算公式。请填写数值，"
    "或加 --accept-formulas 采用表格软件保存的计算结果",
    "workbook.cell.formula_no_value": "公式 {formula} 没有保存的计算结果；"
    "请在 Excel/WPS/LibreOffice 中打开并保存后再导入",
    "workbook.table.header_changed": "表头被修改（应为：{headers}）；请恢复表头或重新导出",
    "workbook.table.no_key": "记录缺少用于识别的「{field}」",
    "workbook.table.duplicate_key": "记录“{key}”重复（首次出现在 {first}）",
    "workbook.apply.layout": "{pointer} 处的 YAML 写法无法原位修改；请手工编辑该处",
    "workbook.apply.would_lose_comment": "修改 {pointer} 会丢失注释“{detail}”；已拒绝",
    "workbook.apply.would_change_other": "修改会改变 {pointer} 处的其他数据；已拒绝（这是 rac 的缺陷）",
    "workbook.conflict": "{where}：冲突 {file}#{pointer}：导出时 {base}，仓库现为 {ours}，工作簿为 {theirs}",
    "workbook.value.absent": "（无）",
    "zipguard.unreadable": "{path} 无法读取：{detail}",
    "zipguard.not_file": "{path} 不是普通文件",
    "zipguard.too_large": "{path} 过大（{size} 字节，上限 {limit}）；拒绝读取",
    "zipguard.not_zip": "{path} 不是 XLSX 文件（不是有效的 zip 包：{detail}）",
    "zipguard.not_office": "{path} 不是 Office 文件（缺少 [Content_Types].xml）",
    "zipguard.too_many_parts": "{path} 含 {count} 个部件（上限 {limit}）；拒绝读取",
    "zipguard.outside": "{path} 含外部链接、数据连接、宏或嵌入对象（{part}）；请另存为不含这些内容的 .xlsx",
    "zipguard.encrypted": "{path} 已加密；请去除密码后另存",
    "zipguard.inflates": "{path} 解压后超过 {limit} 字节（疑似 zip 炸弹）；拒绝读取",
    "zipguard.bomb": "{path} 的部件 {part} 压缩比异常（疑似 zip 炸弹）；拒绝读取",
    "zipguard.shared_strings": "{path} 的共享字符串超过 {limit} 字节；拒绝读取",
    "newyear.exists": "报告 {path} 已存在，不会覆盖",
    "newyear.no_source": "找不到要结转的报告 {path}（可用 --from 指定年度）",
    "newyear.ambiguous": "有多个主体的 {year} 年度报告（{entities}），请用 --entity 指定",
    "newyear.unreadable": "{path} 第 {line} 行有载入错误（{rule}），无法结转；请先修正",
    "newyear.internal": "结转 {file} 时核对失败（{pointer}），未创建任何文件（程序缺陷，请报告）",
    "newyear.missing_file": "上一年度缺少 {name}，已使用空白模板",
    "newyear.done": "已创建 {path}（由 {source} 结转）：{count} 处待填，rac validate 会逐项列出（FILL-01）",
    "init.created": "已创建 {path}",
    "init.skipped": "已存在，跳过：{path} {detail}",
    "init.configured": "已配置 {path} {detail}",
    "init.failed": "未完成：{path}（{detail}）",
    "init.done": "工作区已就绪：{path}。请填写 reports/{year}/ 中的“待填”项，然后运行 rac validate；"
    "运行 pre-commit install 后每次提交自动整理并校验",
    "init.bad_licence": "许可证编号“{value}”格式不正确（形如 B2-20203417 或 浙B2-20203417）",
    "init.bad_company": "企业名称不能为空",
    "init.not_a_directory": "{path} 不是目录",
    "schema.nothing_to_do": "请指定 --export DIR 或 --vscode",
    "schema.exported": "已导出模式文件到 {path}：写入 {count} 个，{unchanged} 个已是最新",
    "schema.exported_for_editor": "工作区没有 schemas/，已导出程序包中的模式文件到 {path}",
    "schema.stale": "模式文件与当前版本不一致：{path}（运行 rac schema --export 更新）",
    "schema.vscode_written": "已更新 {path}：yaml.schemas 中 {count} 个映射",
    "schema.vscode_unchanged": "{path} 中已有全部映射，未改动",
    "schema.vscode_not_json": "{path} 含注释或不是严格的 JSON（{detail}），为免覆盖未作修改；请手工加入以下内容：",
    "timeline.header": "年报时间表 {report}（报告年度 {year}，报送年度 {filing_year}；今天 {today}）",
    "timeline.state.valid": "校验通过（0 个错误）",
    "timeline.state.invalid": "校验未通过（{errors} 个错误）",
    "timeline.state.placeholders": "待填 {count} 处",
    "timeline.state.frozen": "已锁定",
    "timeline.state.not_frozen": "未锁定",
    "timeline.state.signed": "已签署",
    "timeline.state.not_signed": "未签署",
    "timeline.state.submitted": "已提交（{date}）",
    "timeline.state.not_submitted": "未提交",
    "timeline.list_sep": "；",
    "timeline.kind.official": "官方",
    "timeline.kind.internal": "内部",
    "timeline.status.done": "已完成",
    "timeline.status.done_late": "已完成（逾期）",
    "timeline.status.overdue": "已逾期",
    "timeline.status.due": "进行中/临近",
    "timeline.status.pending": "未到期",
    "timeline.status.not_needed": "无需",
    "timeline.status.not_applicable": "不适用",
    "timeline.status.info": "提示",
    "timeline.status.manual": "人工确认",
    "timeline.owner.finance": "财务",
    "timeline.owner.operations": "运营",
    "timeline.owner.legal": "法务",
    "timeline.owner.it": "IT",
    "timeline.owner.hr": "人力",
    "timeline.footer_internal": "“内部”各项为内部做法（参考做法与内部管理要求），并非监管规定；日期与负责人可在 "
    ".reportascode.yaml 的 timeline、owners 中调整。",
    "timeline.footer_overdue": "{count} 项已逾期（标记 !）。",
    "timeline.footer_ok": "没有逾期事项。",
    "timeline.ics_name": "年报 {report}（{year} 年度）",
    "timeline.ics_status": "状态：{status}",
    "timeline.ics_owners": "负责人：{owners}",
    "timeline.bad_date": "工作区配置 timeline 中的日期“{value}”不正确，应为 MM-DD",
    # 核对（rac reconcile：报告数据与 reports/<年度>/evidence/ 中的证据导出文件比对）
    "rule.REC-01.title": "分运营商、分省中继路数与运营商账单不一致",
    "rule.REC-01.doc": "按运营商和省份，将 trunks.yaml 中年内合同有效的中继路数与中继账单（trunk_bills）比对："
    "每条中继取年内各月账单路数的最大值，再按运营商和省份合计。差异超出容差（默认 5%，阈值 REC-01.tolerance）即报错。"
    "5% 来自中介机构对监测平台比对做法的描述，仅作为内部可配置容差，并非监管规定。",
    "rule.REC-02.title": "坐席数与运营商计费中继路数偏差超出容差",
    "rule.REC-02.doc": "将 operations.seats.total 与中继账单的全部计费路数（每条中继取年内月度最大值）比对。"
    "中介文章所举“自报 500 坐席、运营商账单 2000 路中继”即属此类差异。容差 REC-02.tolerance，默认 5%，"
    "为内部规则，并非监管规定。",
    "rule.REC-03.title": "外呼使用的主叫号码不在 numbers.yaml 中",
    "rule.REC-03.doc": "主叫号码使用记录（caller_numbers）中的每个号码都必须是 numbers.yaml 申报的接入号码。"
    "信管〔2020〕81号禁止变换或隐藏主叫号码外呼。问题定位到导出文件的对应行。",
    "rule.REC-04.title": "主叫号码未开通呼出",
    "rule.REC-04.doc": "用作主叫的号码须在 numbers.yaml 中开通呼出（outbound_enabled），且首次使用不早于呼出承诺书"
    "签署日期（信管〔2020〕81号：仅可使用已报备的号码外呼）。问题定位到导出文件的对应行。",
    "rule.REC-05.title": "呼出次数与主叫号码使用记录不一致",
    "rule.REC-05.doc": "将 operations.outbound.attempts 与主叫号码使用记录中呼叫次数之和比对。"
    "容差 REC-05.tolerance，默认 5%（内部可配置）。",
    "rule.REC-06.title": "投诉量与投诉台账不一致",
    "rule.REC-06.doc": "将 compliance.complaints 的投诉量、回复量、12321 转办量、工信部申诉转办量与投诉台账中"
    "报告年度内的记录比对（全部记录；状态为已回复；渠道为 12321；渠道为工信部申诉）。容差 REC-06.tolerance，"
    "默认 5%（内部可配置）。台账中其他年度的记录不计入，并作为提示列出。",
    "rule.REC-07.title": "录音/同意凭证抽样未覆盖年末 90 天",
    "rule.REC-07.doc": "内部做法（来自中介机构的检查清单）：在报告年度最后 REC-07.window_days 天（默认 90 天）内"
    "抽样通话，且连续无样本的天数不超过 REC-07.max_gap_days（默认 15 天）。窗口之外的样本不计入，并作为提示列出。",
    "rule.REC-08.title": "抽样通话缺少录音或用户同意凭证",
    "rule.REC-08.doc": "凡在 compliance.yaml 申报的留存期限内（recording_retention_days、consent_retention_days，"
    "自 12 月 31 日倒推）的抽样通话，都应有录音和用户同意凭证；信管〔2020〕81号要求录音至少留存 30 天。"
    "问题定位到抽样文件的对应行和列。",
    "rule.REC-09.title": "中继账单与 trunks.yaml 不符",
    "rule.REC-09.doc": "账单中的中继须在 trunks.yaml 中申报，运营商和省份一致，且只在合同期"
    "（contract_start … contract_end）内计费。有账单而未申报的中继，意味着报告未反映的中继容量。",
    "rule.REC-10.title": "合同期内的月份没有中继账单",
    "rule.REC-10.doc": "报告年度内、中继合同期内的每个月都应在中继账单中有记录。缺少月份说明合同日期或导出文件有误。",
    "rule.REC-11.title": "证据文件中有格式错误的行",
    "rule.REC-11.doc": "列数不对、必填单元格为空、日期或月份无效、不是数字、状态无法识别的行将被跳过，"
    "并在其行号和列号处报告。每个文件每条规则只逐一列出前 20 条，其余合并为一条汇总。",
    "rule.REC-12.title": "无法读取证据文件",
    "rule.REC-12.doc": "文件没有包含必需列的表头行（中英文列名均可，见 docs/evidence.md）、编码不是 UTF-8、"
    "GBK/GB18030 或 UTF-16、工作簿损坏；或同一种证据同时存在 CSV 和 XLSX（使用 CSV）。",
    "check.REC-01": "{carrier}在{province}的中继：填报 {reported} 路，账单 {billed} 路（差异率 {rate}，"
    "内部容差 ±{tolerance}）；请更正 trunks.yaml 或说明差异（账单：{evidence}）",
    "check.REC-01.not_reported": "{carrier}账单显示{province}有 {billed} 路中继，但 trunks.yaml 中没有该运营商在该省的"
    "中继（内部容差 ±{tolerance}）",
    "check.REC-02": "填报坐席 {seats} 席，运营商计费中继 {billed} 路（差异率 {rate}，内部容差 ±{tolerance}，"
    "非监管规定）；请核对坐席数和中继（账单：{evidence}）",
    "check.REC-03": "主叫号码 {number}（{calls} 次呼叫）不在 numbers.yaml 中："
    "信管〔2020〕81号禁止变换或隐藏主叫号码外呼",
    "check.REC-04": "主叫号码 {number}（{calls} 次呼叫）在 numbers.yaml 中未开通呼出（outbound_enabled: false）；"
    "外呼须有报备的呼出承诺（信管〔2020〕81号）",
    "check.REC-04.before_commitment": "主叫号码 {number} 自 {first} 起使用，早于其呼出承诺书签署日期 {commitment}",
    "check.REC-05": "填报呼出 {reported} 次，主叫号码使用记录合计 {calls} 次（差异率 {rate}，内部容差 ±{tolerance}）"
    "（{evidence}）",
    "check.REC-06": "{field}：填报 {reported}，投诉台账 {ledger}（差异率 {rate}，内部容差 ±{tolerance}）（{evidence}）",
    "check.REC-06.out_of_year": "投诉日期 {date} 不在报告年度 {year} 内，未计入",
    "check.REC-07": "{start} 至 {end} 连续 {days} 天没有抽样通话；内部做法：在最后 {window} 天"
    "（{window_start} – {year_end}）内抽样，间隔不超过 {max} 天",
    "check.REC-07.empty": "年度最后 {window} 天（{window_start} – {year_end}）内没有抽样通话；"
    "内部做法：在该期间内抽查录音和用户同意凭证",
    "check.REC-07.outside_window": "抽样通话 {call}（{date}）不在抽样期间 {start} – {end} 内，未计入",
    "check.REC-08": "抽样通话 {call}（{date}）缺少记录",
    "check.REC-08.recording": "抽样通话 {call}（{date}）没有录音，而 compliance.yaml 申报的录音留存期限应覆盖该通话"
    "（信管〔2020〕81号：至少 30 天）",
    "check.REC-08.consent": "抽样通话 {call}（{date}）没有用户同意凭证，"
    "而 compliance.yaml 申报的凭证留存期限应覆盖该通话",
    "check.REC-09": "中继账单与 trunks.yaml 不符",
    "check.REC-09.carrier": "中继 {trunk} 的账单运营商为{billed}，trunks.yaml 中为{reported}",
    "check.REC-09.province": "中继 {trunk} 的账单省份为 {billed}，trunks.yaml 中为 {reported}",
    "check.REC-09.unknown_trunk": "中继 {trunk}（{carrier}，{channels} 路）有账单，但未在 trunks.yaml 中申报",
    "check.REC-09.outside_contract": "中继 {trunk} 在 {months} 有账单，超出合同期 {start} – {end}",
    "check.REC-10": "中继 {trunk}：年内有 {count} 个合同月份没有账单：{months}（{evidence}）",
    "check.REC-11": "格式错误的行",
    "check.REC-11.columns": "该行有 {found} 列，表头有 {expected} 列",
    "check.REC-11.empty": "“{header}”为空",
    "check.REC-11.integer": "“{header}”应为整数，实际为“{value}”",
    "check.REC-11.negative": "“{header}”不能为负数：“{value}”",
    "check.REC-11.number": "“{header}”应为数字，实际为“{value}”",
    "check.REC-11.date": "“{header}”应为日期（YYYY-MM-DD），实际为“{value}”",
    "check.REC-11.month": "“{header}”应为月份（YYYY-MM），实际为“{value}”",
    "check.REC-11.bool": "“{header}”应为 是/否（yes/no），实际为“{value}”",
    "check.REC-11.status": "“{header}”应为 已回复（replied）或 未回复（open），实际为“{value}”",
    "check.REC-11.province": "“{header}”应为省份代码（如 33）或名称（如 浙江），实际为“{value}”",
    "check.REC-11.date_order": "末次使用日期 {last} 早于首次使用日期 {first}",
    "check.REC-12": "无法读取证据文件",
    "check.REC-12.empty_file": "文件为空，没有表头行",
    "check.REC-12.missing_columns": "没有包含必需列 {missing} 的表头行；实际表头：{found}（见 docs/evidence.md）",
    "check.REC-12.encoding": "无法解码该文件（{detail}）；请另存为 UTF-8 编码的 CSV",
    "check.REC-12.encoding_at": "文件自此处起无法按 {encoding} 解码（{detail}）；请另存为 UTF-8 编码的 CSV",
    "check.REC-12.unreadable": "无法读取该文件：{detail}",
    "check.REC-12.no_openpyxl": "读取 .xlsx 需要 openpyxl（pip install 'reportascode[docs]'），或另存为 CSV",
    "check.REC-12.both_formats": "{used} 和 {ignored} 同时存在；使用 {used}，忽略 {ignored}",
    "check.REC-12.xls": "{name}：不读取旧版 .xls 格式；请另存为 .xlsx 或 .csv",
    "reconcile.more": "本文件另有 {count} 条 {rule} 问题未逐一列出（已列出前 {listed} 条），第一条位于第 {first} 行",
    "reconcile.field.trunk_channels": "中继路数：{carrier} {province}",
    "reconcile.field.seats_vs_billed": "坐席数与计费中继路数",
    "reconcile.field.unknown_numbers": "不在 numbers.yaml 中的主叫号码记录",
    "reconcile.field.not_outbound_numbers": "未开通呼出的主叫号码记录",
    "reconcile.field.outbound_attempts": "呼出次数与主叫号码呼叫次数",
    "reconcile.field.complaints_received": "投诉量",
    "reconcile.field.complaints_replied": "投诉回复量",
    "reconcile.field.complaints_via_12321": "12321 转办投诉量",
    "reconcile.field.complaints_via_miit_appeal": "工信部申诉中心转办投诉量",
    "reconcile.field.sample_gap": "录音抽样：最后 {window} 天内最长无样本天数",
    "reconcile.field.sample_recording": "有录音的抽样通话",
    "reconcile.field.sample_consent": "有用户同意凭证的抽样通话",
    "reconcile.heading": "{report}：报告数据与证据导出文件核对",
    "reconcile.column.field": "字段",
    "reconcile.column.report": "报告值",
    "reconcile.column.evidence": "证据值",
    "reconcile.column.diff_rate": "差异率",
    "reconcile.column.tolerance": "容差",
    "reconcile.column.verdict": "结论",
    "reconcile.verdict.ok": "一致",
    "reconcile.verdict.exceeds": "超出容差",
    "reconcile.note": "容差为内部可配置的标准（.reportascode.yaml 的 thresholds），并非监管规定。",
    "reconcile.no_evidence": "{report}：没有 evidence/ 目录，无可核对的内容",
    "reconcile.missing": "缺少以下导出文件：{kinds}",
    "reconcile.file": "{file}：使用 {rows} 行，跳过 {bad} 行",
    "reconcile.file_incomplete": "{file}：未能完整读取，相关比对已跳过",
    "reconcile.findings": "问题",
    "reconcile.summary": "{reports} 份报告：比对 {rows} 项，{exceeding} 项超出容差；"
    "{errors} 个错误，{warnings} 个警告，{infos} 条提示，{waived} 项已豁免",
    # ---- 领域校验（issue 3）：每个检查项 "check.<ID>.title"（标题）、"check.<ID>"（提示）、"check.<ID>.doc"（说明），
    # ---- 变体 "check.<ID>.<variant>"；非检查项规则标题 "rule.<ID>.title"；rac rules / rac explain 用语。
    # 依据措辞：[V] 引用法规条文；[A] 写明“仅见于代理机构资料”，按内部做法实施；[I] 写明“内部规则，可配置”。
    # 不得把 [A]、[I] 表述为监管要求。
    "check.ID-01.title": "统一社会信用代码格式及校验位（GB 32100）",
    "check.ID-01": "统一社会信用代码 {value} 校验位错误（按 GB 32100 末位应为“{expected}”），请核对是否录入有误",
    "check.ID-01.doc": "按 GB 32100-2015（加权系数 1、3、9……，模 31）校验本企业（company.yaml uscc）"
    "及各分支机构（branches.yaml）统一社会信用代码的第 18 位校验码；长度与字符集由数据模式校验。"
    "代码录入错误是企业基本情况表（公示项）最常见的笔误。依据：国家标准 GB 32100-2015；"
    "统一社会信用代码为年报必填公示项。无阈值。",
    "check.ID-02.title": "许可证持证主体与编号在各文件中一致",
    "check.ID-02": "许可证持证主体“{holder}”（licence.yaml）与企业名称“{company}”（company.yaml）不一致；"
    "年报按许可证、由持证主体填报",
    "check.ID-02.number": "许可证编号 {value}（meta.yaml）与 licence.yaml 中的 {licence} 不一致",
    "check.ID-02.doc": "校验 licence.yaml 的 holder_name 与 company.yaml 的 name 一致，以及（如填写）licence.yaml 的 "
    "licence_no 与 meta.yaml 的 licence_no 一致。持有多张许可证的企业按证分别填报，持证主体、"
    "企业名称与许可证编号须相互对应；企业更名后须同时办理许可证变更（见 LIC-05）。依据："
    "《电信业务经营许可管理办法》（工信部令第42号）第三十五条（如实报告）及年报系统表单中的企业名称、许可证编号。"
    "无阈值。",
    "check.LIC-01.title": "报告年度内许可证有效",
    "check.LIC-01": "许可证已于 {expires} 到期，早于 {year} 年度开始：不能按本证报送该年度年报",
    "check.LIC-01.not_yet": "许可证于 {issued} 核发，晚于 {year} 年度：首份年报应为发证当年的年报",
    "check.LIC-01.order": "到期日 {expires} 早于发证日 {issued}",
    "check.LIC-01.doc": "校验许可证有效期（licence.yaml issue_date 至 expiry_date）与报告年度（meta.yaml report_year）"
    "有交集。凡报告年度 12 月 31 日前取得且仍在有效期内的许可证，无论是否开展业务均须报送年报；"
    "为许可证不存在的年度报送，说明年度或许可证填错。依据：各省通信管理局年报工作通知（如重庆 2025-01-08、广东 2018 "
    "年通知）。无阈值。",
    "check.LIC-02.title": "许可证临近到期：续期申请",
    "check.LIC-02": "许可证将于 {expires} 到期，距提交日（{submitted}，meta.yaml）仅 {days} 天；"
    "已于 {applied} 申请续期（提前 {ahead} 天）：请在 explanations.yaml 中说明",
    "check.LIC-02.not_applied": "许可证将于 {expires} 到期，距提交日（{submitted}，meta.yaml）仅 {days} 天，"
    "尚未记录续期申请（renewal_applied_date）；代理机构资料援引第二十七条称须在到期前 {lead} 日（即 {due} 前）申请",
    "check.LIC-02.late": "许可证将于 {expires} 到期，续期申请日 {applied} 仅提前 {ahead} 天，晚于 "
    "{due}（代理机构资料援引第二十七条称须提前 {lead} 日）",
    "check.LIC-02.expired": "许可证已于 {expires} 到期，早于提交日（{submitted}，meta.yaml）；续期申请：{applied}",
    "check.LIC-02.doc": "当 licence.yaml 的 expiry_date 距提交日（meta.yaml submission_date，未提交时按次年 3 月 31 "
    "日）不超过 window_days（默认 180 天）时提示，以便安排续期；提示内容区分未申请续期、晚于到期前 "
    "renewal_lead_days（默认 90 天）申请、已按时申请三种情况，已按时申请的可用情况说明消除。依据："
    "代理机构资料援引工信部令第42号第二十七条（到期前 90 日申请续期并提交业务开展证明），未经官方文本核实，"
    "按内部做法实施；180 天提示期为内部规则。阈值：window_days、renewal_lead_days。",
    "check.LIC-03.title": "呼叫中心数据须有已开通的 B24 业务",
    "check.LIC-03": "operations.yaml 填报了呼叫中心业务数据，但许可证未列 B24 业务（现有业务：{held}）",
    "check.LIC-03.not_open": "业务 {code} 标记为“未开通”，但 operations.yaml 有坐席或话务量",
    "check.LIC-03.doc": "校验 operations.yaml 中的坐席或话务量对应许可证上标记为“开通”的 B24（B24-1/B24-2）业务。"
    "年报系统只为标记“开通”的业务生成业务发展情况表；没有对应业务的呼叫中心数据，说明许可证填错或超出许可经营。依据："
    "年报子系统用户操作手册（2018）及《电信业务分类目录（2015年版）》B24 定义。无阈值。",
    "check.LIC-04.title": "注册资本达到第六条最低限额",
    "check.LIC-04": "注册资本 {capital} 万元低于全国或跨省经营的最低限额 {minimum} 万元（覆盖范围：{coverage}；"
    "licence.yaml）",
    "check.LIC-04.single": "注册资本 {capital} 万元低于省内经营的最低限额 {minimum} 万元（覆盖范围：{coverage}；"
    "licence.yaml）",
    "check.LIC-04.doc": "按许可证覆盖范围（licence.yaml services[].coverage）校验 company.yaml 的 "
    "registered_capital_wan：单一省份不低于 100 万元，全国或跨省不低于 1000 万元。依据："
    "工信部令第42号第六条（增值电信业务经营许可条件）。阈值：single_province_min_wan（100）、"
    "cross_province_min_wan（1000）。",
    "check.LIC-05.title": "企业变更后 30 日内办理许可证变更",
    "check.LIC-05": "{item}变更于 {base} 完成工商登记，许可证变更于 {filed} 提出，超过期限 {due}（{days} 日）{late} 天",
    "check.LIC-05.decision": "{item}变更于 {base} 作出决定，许可证变更于 {filed} 提出，超过期限 {due}（决定后 {days} "
    "日）{late} 天",
    "check.LIC-05.not_filed": "{item}变更（{base}）尚未提出许可证变更，期限 {due} 已过",
    "check.LIC-05.undeclared": "{item}由 {before}（{previous_year} 年度）变为 {now}，但 changes 中没有相应变更记录，"
    "请补充变更事项及日期",
    "check.LIC-05.item.name": "企业名称",
    "check.LIC-05.item.legal_rep": "法定代表人",
    "check.LIC-05.item.reg_capital": "注册资本",
    "check.LIC-05.item.address": "注册住所",
    "check.LIC-05.item.shareholder": "股东",
    "check.LIC-05.item.coverage": "覆盖范围",
    "check.LIC-05.doc": "对 company.yaml changes[] 中的每项变更，校验 licence_change_filed 不晚于工商变更登记（名称、"
    "法定代表人、注册资本）或作出决定（股东、覆盖范围）后 days 日（默认 30 日）；住所变更不在校验之列。跨年度比较："
    "名称、法定代表人或注册资本与上年 company.yaml 不同时，须有对应的 changes[] 记录。依据："
    "代理机构资料对工信部令第42号第二十八、二十九条的概述，未经官方文本核实，按内部做法实施。阈值：days。",
    "check.GEO-01.title": "经营省份在许可证覆盖范围内",
    "check.GEO-01": "省份 {province}有经营数据（operations.yaml by_province），但不在许可证 B24 覆盖范围 {coverage}"
    "内（licence.yaml）：属超范围经营",
    "check.GEO-01.branch": "分支机构或场地“{branch}”在省份 {province}开展呼叫中心业务（operates_b24），不在许可证 "
    "B24 覆盖范围 {coverage}内（licence.yaml）",
    "check.GEO-01.doc": "以许可证 B24 业务的覆盖范围（licence.yaml；“全国”覆盖所有省份）校验 operations.yaml 的每个 "
    "by_province[].province，以及 branches.yaml 中年内存续、operates_b24 为 true 的分支机构或场地所在省份。"
    "许可证载明覆盖省份，在范围外经营即超范围经营。依据：工信部令第42号第六条及许可证覆盖范围（全网/地网）。无阈值。",
    "check.GEO-02.title": "有坐席的省份须有分支机构或运营场地",
    "check.GEO-02": "省份 {province}有 {seats} 个坐席（operations.yaml by_province），但 branches.yaml "
    "中没有该省年内存续的分支机构或运营场地",
    "check.GEO-02.unknown_site": "site_id {site_id} 在 branches.yaml 中找不到对应的 id",
    "check.GEO-02.other_province": "site_id {site_id} 对应的机构位于省份 {site_province}，而非 "
    "{province}（branches.yaml）",
    "check.GEO-02.doc": "校验每个有坐席的 by_province 行在 branches.yaml 中有同省、年内存续的分支机构或运营场地，且其 "
    "site_id 指向该机构。没有场地记录的坐席是书面核查最先追问的问题。依据：内部规则（可配置）；"
    "法规仅要求跨地区基础电信业务按省设立分支机构（工信部令第42号第十八条）。无阈值。",
    "check.GEO-03.title": "分省数据合计等于总数",
    "check.GEO-03": "by_province 各行 {column} 合计 {sum}，与 {field} 的 {total} 不一致",
    "check.GEO-03.revenue": "by_province 各行 {column} 合计 {sum} 万元，与 finance.yaml call_center_revenue_wan 的 "
    "{total} 不一致",
    "check.GEO-03.doc": "填写了 operations.yaml by_province 时，校验其 seats、ai_seats、inbound_answered、"
    "outbound_connected 合计分别等于 seats.total、seats.ai、inbound.answered、outbound.connected，revenue_wan "
    "合计等于 finance.yaml 的 call_center_revenue_wan（容差 money_tolerance_wan，默认 0.01 万元）。依据：内部做法；"
    "按坐席所在地分省是本工具的设计选择，并非监管表单。阈值：money_tolerance_wan。",
    "check.SEAT-01.title": "坐席总数 = 人工坐席 + AI 坐席",
    "check.SEAT-01": "坐席总数 {total} ≠ 人工坐席 {human} + AI 坐席 {ai} = {sum}",
    "check.SEAT-01.doc": "校验 operations.yaml 中 seats.total = seats.human + seats.ai。"
    "自身数据不一致的年报过不了书面核查。依据：工信部令第42号第三十五条（经营者对报告内容的真实性负责）；"
    "坐席字段参照代理机构资料所述呼叫中心业务发展表。无阈值。",
    "check.SEAT-02.title": "AI 坐席占比与坐席数一致",
    "check.SEAT-02": "填报的 AI 坐席占比 {reported} 与 AI 坐席 {ai} / 坐席总数 {total} = {actual} 相差超过 "
    "{tolerance} 个百分点",
    "check.SEAT-02.doc": "以 seats.ai / seats.total 校验 operations.yaml 的 seats.ai_ratio_reported，容差 "
    "tolerance（默认 0.005，即 0.5 个百分点，足以容纳保留三位小数的舍入）。比率为派生值，分子分母均已填报，"
    "三者须一致。依据：AI 坐席占比仅见于代理机构和厂商资料，本项为内部一致性校验，并非监管公式。阈值：tolerance。",
    "check.SEAT-03.title": "呼叫中心人员不少于人工坐席",
    "check.SEAT-03": "呼叫中心人员 {staff} 人，少于人工坐席 {human} 席（operations.yaml）",
    "check.SEAT-03.doc": "company.yaml 的 staff.call_center 少于 operations.yaml 的 seats.human 时提示："
    "每个人工坐席至少需要一名人员。依据：内部合理性规则（可配置），非监管要求。无阈值。",
    "check.TRK-01.title": "中继路数与坐席数相称",
    "check.TRK-01": "年末中继并发路数 {channels} 路（trunks.yaml）与坐席总数 {seats} 席偏差 {deviation}%，超过 "
    "±{tolerance}%",
    "check.TRK-01.doc": "以 12 月 31 日仍在合同期内的中继路数合计（trunks.yaml）对比 operations.yaml 的 seats.total，"
    "偏差超过 tolerance（默认 0.05，即 5%）时提示。差距过大（如 500 席对 2000 路）正是与运营商数据比对时会暴露的问题。"
    "依据：项目要求的内部规则（可配置）；代理机构资料提及此类比对，并无法规规定比例。阈值：tolerance。",
    "check.TRK-02.title": "中继合同在报告年度内、来自基础运营商、未转租转售",
    "check.TRK-02": "中继 {trunk} 的合同已于 {end} 到期，早于 {year} 年度",
    "check.TRK-02.not_started": "中继 {trunk} 的合同自 {start} 起，晚于 {year} 年度",
    "check.TRK-02.order": "中继 {trunk} 的合同到期日 {end} 早于起始日 {start}",
    "check.TRK-02.sublet": "中继 {trunk} 标记为转租：严禁转租转售电信资源",
    "check.TRK-02.carrier": "中继 {trunk} 来自 {carrier}，不是基础电信运营商（{carriers}）",
    "check.TRK-02.doc": "对 trunks.yaml 中的每条中继，校验合同期与报告年度有交集（全年均不在合同期内的中继不应列入）、"
    "sublet 为 false、运营商为基础电信运营商。依据：工信部信管〔2020〕81号（只能使用合法语音中继线路，"
    "严禁转租转售电信资源）。无阈值。",
    "check.TRK-03.title": "号码与中继相互对应",
    "check.TRK-03": "号码 {number} 列有中继 {trunk}，但该中继的 numbers（trunks.yaml）中没有此号码",
    "check.TRK-03.unknown_trunk": "号码 {number} 列有中继 {trunk}，但 trunks.yaml 中没有该中继",
    "check.TRK-03.unknown_number": "中继 {trunk} 承载号码 {number}，但 numbers.yaml 中没有该号码",
    "check.TRK-03.trunk_side": "中继 {trunk} 承载号码 {number}，但该号码的 trunk_ids（numbers.yaml）中没有此中继",
    "check.TRK-03.doc": "校验 numbers.yaml 的每个 trunk_ids 都是 trunks.yaml 中的中继 id，且该中继的 numbers "
    "包含此号码，反之亦然（比较号码时忽略空格和连字符）。号码与中继的台账是运营商核查的内容。依据："
    "内部数据一致性规则（可配置）。无阈值。",
    "check.TRK-04.title": "峰值并发不超过中继容量",
    "check.TRK-04": "峰值并发呼叫 {peak} 路，超过年内在用中继的总路数 {channels} 路（trunks.yaml）",
    "check.TRK-04.doc": "operations.yaml 的 peak_concurrent_calls 超过年内在合同期内的全部中继路数时提示："
    "并发呼叫多于线路，说明有中继未列入年报。依据：内部合理性规则（可配置）。无阈值。",
    "check.NUM-01.title": "自有码号有效期与许可证相符",
    "check.NUM-01": "号码 {number} 有效期至 {valid_until}，晚于许可证到期日 {expires}（licence.yaml）",
    "check.NUM-01.before_licence": "号码 {number} 核配于 {allocated}，早于许可证发证日 {issued}（licence.yaml）",
    "check.NUM-01.no_validity": "自有号码 {number} 未填有效期（valid_until），请按码号证书填写",
    "check.NUM-01.lapsed": "号码 {number} 处于启用状态，但有效期已于 {valid_until} 届满，早于 {year} 年末",
    "check.NUM-01.doc": "对未退还的自有码号（holder 为 self，或 kind 为 95/96），校验核配日期不早于许可证发证日、"
    "valid_until 已填写且不晚于许可证到期日、启用中的号码全年有效。依据：码号资源持有码号证书，"
    "其有效期与许可证相关联（各省通信管理局码号资源相关通知）。无阈值。",
    "check.NUM-02.title": "95/96 号码在覆盖范围内",
    "check.NUM-02": "95 号码 {number} 为全国性号码，但许可证 B24 覆盖范围为 {coverage}，并非全国（licence.yaml）",
    "check.NUM-02.length": "号码 {number} 不是 {kind} 短号码（以 {kind} 开头的 5 位或 6 位数字）",
    "check.NUM-02.96_nationwide": "96 号码 {number} 为省内号码，使用范围不能为“全国”",
    "check.NUM-02.96_province": "96 号码 {number} 在省份 {province}使用，不在许可证 B24 覆盖范围 {coverage}"
    "内（licence.yaml）",
    "check.NUM-02.doc": "对 95、96 号码（自有短号码；运营商 400/1010 号码不校验），校验号码形式（5 位或 6 位）、95 "
    "号码对应全国覆盖的 B24 许可、96 号码使用范围内的省份均在许可证覆盖范围内。依据：工信部关于短号码长度的意见（95 "
    "全国、96 省内，5–6 位）。无阈值。",
    "check.NUM-03.title": "开通呼出的号码须有呼出承诺书和合规用途",
    "check.NUM-03": "号码 {number} 已开通呼出，但未填呼出承诺书签署日期",
    "check.NUM-03.no_purpose": "号码 {number} 已开通呼出，但未填呼出用途（callback 或 info）",
    "check.NUM-03.purpose": "号码 {number} 的呼出用途“{purpose}”不允许；仅限即时回访（callback）和信息咨询（info）",
    "check.NUM-03.undeclared_purpose": "有 {calls} 次“{purpose}”用途的呼出，但没有开通呼出的号码登记该用途（numbers.ya"
    "ml）",
    "check.NUM-03.no_outbound_number": "填报了 {attempts} 次呼出，但没有号码开通呼出（numbers.yaml）；"
    "接入号码默认仅限呼入",
    "check.NUM-03.doc": "校验每个 outbound_enabled 的号码有 outbound_commitment_date 且用途限于 callback/info；"
    "operations.yaml 有呼出时至少有一个开通呼出的号码；by_purpose 中使用的每种用途都在开通呼出的号码上登记。依据："
    "工信部信管〔2020〕81号：接入号码默认仅限呼入，开通呼出须提交承诺书，且仅限用户同意的即时回访或信息咨询。无阈值。",
    "check.NUM-04.title": "3 月 31 日前报送码号年报",
    "check.NUM-04": "自有号码 {number} 未填码号年报报送日期，应于 {deadline} 前报送",
    "check.NUM-04.late": "号码 {number} 的码号年报于 {filed} 报送，晚于 {deadline}",
    "check.NUM-04.wrong_year": "号码 {number} 的码号年报日期 {filed} 早于 {opens}，不可能是 {year} "
    "年度的码号年报（报送期 {opens} 至 {deadline}）；是否沿用了上年日期？",
    "check.NUM-04.doc": "对未退还的自有码号，校验 code_annual_report_filed 在报告年度次年 1 月 1 日至 3 月 31 日之间。"
    "码号年报是在码号资源使用和调整审批系统中单独报送的年报，截止日期相同，其真实性是双随机检查事项。依据："
    "各省通信管理局码号年报通知。无阈值。",
    "check.NUM-05.title": "自有码号未启用",
    "check.NUM-05": "自有号码 {number} 状态为“未启用”",
    "check.NUM-05.doc": "自有码号状态为“未启用”时提示：长期闲置的号码有被收回的风险，且仍须报送码号年报。依据："
    "内部做法（可配置）；收回风险在此未引用具体法规。无阈值。",
    "check.OUT-01.title": "呼叫中心号码不得开展营销外呼",
    "check.OUT-01": "填报了 {calls} 次商业营销外呼：呼叫中心接入号码不得开展商业营销类呼出",
    "check.OUT-01.conversion": "填报了营销转化率（{value}），意味着存在营销外呼",
    "check.OUT-01.doc": "校验 operations.yaml 的 outbound.by_purpose.marketing 为 0，且未填报 "
    "internal_kpis.marketing_conversion。依据：工信部信管〔2020〕81号《关于加强呼叫中心业务管理的通知》："
    "呼叫中心业务不得开展商业营销类呼出。无阈值。",
    "check.OUT-02.title": "呼出分用途合计等于呼出总量",
    "check.OUT-02": "呼出总量 {attempts} ≠ 回访 {callback} + 咨询 {info} + 营销 {marketing} = {sum}",
    "check.OUT-02.connected": "呼出接通量 {connected} 大于呼出总量 {attempts}",
    "check.OUT-02.doc": "校验 operations.yaml 的 outbound.attempts 等于 by_purpose（callback、info、marketing）之和，"
    "且 connected 不大于 attempts。依据：内部一致性规则（可配置）。无阈值。",
    "check.OUT-03.title": "录音及用户同意凭证留存不少于 30 天",
    "check.OUT-03": "录音留存 {days} 天，少于要求的 {minimum} 天",
    "check.OUT-03.consent": "用户同意凭证留存 {days} 天，少于要求的 {minimum} 天",
    "check.OUT-03.doc": "校验 compliance.yaml 的 recording_retention_days 和 consent_retention_days 不少于 "
    "min_days（默认 30 天）。依据：工信部信管〔2020〕81号：回访呼叫须留存不少于 30 天的录音、主被叫号码、"
    "通话时间及用户同意凭证。阈值：min_days（调高属内部规则；调低至 30 天以下即不符合该通知）。",
    "check.OUT-04.title": "平均通话时长与总时长一致",
    "check.OUT-04": "平均通话时长 {average} 秒，与通话总时长 {minutes} 分钟 × 60 / 接通 {calls} 次 = {expected} "
    "秒相差超过 {tolerance}%",
    "check.OUT-04.doc": "以 talk_minutes_total × 60 / (inbound.answered + outbound.connected) 校验 operations.yaml 的 "
    "avg_talk_seconds，相对容差 tolerance（默认 0.02，即 2%）。依据：平均通话时长仅见于代理机构资料，"
    "本项为内部一致性校验，并非监管公式。阈值：tolerance。",
    "check.FIN-01.title": "收入层级：呼叫中心 ≤ 电信业务 ≤ 营业收入",
    "check.FIN-01": "电信业务收入 {telecom} 万元高于营业收入 {operating} 万元",
    "check.FIN-01.call_center": "呼叫中心业务收入 {call_center} 万元高于电信业务收入 {telecom} 万元",
    "check.FIN-01.doc": "校验 finance.yaml 中 telecom_revenue_wan ≤ operating_revenue_wan，且 call_center_revenue_wan "
    "≤ telecom_revenue_wan：电信业务收入是营业收入的一部分，呼叫中心业务收入是电信业务收入的一部分。依据："
    "年报系统企业经济效益表（营业收入、电信业务收入）。无阈值。",
    "check.FIN-02.title": "收入与审计报告一致",
    "check.FIN-02": "营业收入 {reported} 万元与审计报告（{report_no}）审定数 {audited} 万元不一致",
    "check.FIN-02.special": "呼叫中心业务收入 {reported} 万元与专项审计报告（{report_no}）审定数 {audited} 万元不一致",
    "check.FIN-02.doc": "校验 finance.yaml 的 operating_revenue_wan 与 audit.audited_operating_revenue_wan 一致；"
    "有专项审计时，call_center_revenue_wan 与 audit.special_report.audited_call_center_revenue_wan 一致；容差 "
    "tolerance_wan（默认 0.01 万元）。提示位于填报数，填报数应照审定数填写。依据："
    "内部做法——填报数应与经审计的报表一致；代理机构资料称部分省局要求出具呼叫中心业务专项审计报告（并非全国性要求）。"
    "阈值：tolerance_wan。",
    "check.FIN-03.title": "单席年收入在合理区间",
    "check.FIN-03": "呼叫中心业务收入 {revenue} 万元 ÷ 坐席 {seats} 席（operations.yaml）= 每席 {per_seat} 万元，不在 "
    "{low}–{high} 万元之间：请核对单位和坐席数",
    "check.FIN-03.doc": "finance.yaml 的 call_center_revenue_wan ÷ operations.yaml 的 seats.total 不在 "
    "[min_per_seat_wan, max_per_seat_wan]（默认每席每年 5–40 万元）时提示，通常是单位错误或坐席数不符。依据："
    "内部合理性规则（可配置）。阈值：min_per_seat_wan、max_per_seat_wan。",
    "check.FIN-04.title": "金额超过 10 亿元：请核对单位",
    "check.FIN-04": "{amount} 万元即 {yi} 亿元，超过 {limit} 万元：金额单位为万元，是否按元填写了？",
    "check.FIN-04.doc": "finance.yaml、company.yaml、operations.yaml、compliance.yaml 中以 _wan 结尾（单位万元）"
    "的金额超过 limit_wan（默认 100000 万元，即 10 亿元）时提示。年报系统对此类金额标红提示但不阻止提交，"
    "多为按元误填。依据：年报系统已公开的校验行为。阈值：limit_wan。",
    "check.FIN-05.title": "业务开通但无任何业务",
    "check.FIN-05": "业务 {code} 标记为“开通”，但呼叫中心业务收入（finance.yaml）和话务量（operations.yaml）均为零："
    "请准备零业务说明并在情况说明中填写",
    "check.FIN-05.doc": "B24 业务标记为“开通”，而 finance.yaml 的 call_center_revenue_wan 为 0 且 operations.yaml "
    "无呼入呼出时提示；填写情况说明（即零业务说明）可消除。依据：代理机构做法（零业务说明）；"
    "相关规定为未实际开展业务的许可证不予续期（代理机构资料援引工信部令第42号第二十七条）。无阈值。",
    "check.QOS-01.title": "投诉数据一致",
    "check.QOS-01": "投诉回复率 {rate} 与回复量 {replied} / 投诉量 {received} = {actual} 相差超过 {tolerance}",
    "check.QOS-01.replied": "投诉回复量 {replied} 大于投诉量 {received}",
    "check.QOS-01.channels": "12321 转办 {via_12321} 件与工信部申诉中心转办 {via_miit_appeal} 件合计超过投诉量 "
    "{received}",
    "check.QOS-01.doc": "校验 compliance.yaml complaints：回复量不大于投诉量，reply_rate_reported 等于回复量 / "
    "投诉量（容差 tolerance，默认 0.0005），12321 与申诉中心转办件包含在投诉量内。用户投诉量、"
    "用户投诉回复率是企业服务质量表的公示项。依据：工信部令第42号第三十五条第（三）项（服务质量）及年报公示项。阈值："
    "tolerance。",
    "check.QOS-02.title": "通报和处罚须有其后的整改报告",
    "check.QOS-02": "{kind} {ref}（{date}）没有整改报告",
    "check.QOS-02.before": "{kind} {ref}：整改报告日期 {report_date} 早于{kind}日期 {date}",
    "check.QOS-02.kind.harassment_notices": "骚扰电话通报",
    "check.QOS-02.kind.penalties": "行政处罚",
    "check.QOS-02.doc": "对 compliance.yaml 的 harassment_notices[] 和 penalties[]，"
    "校验已记录整改报告且其日期不早于通报或处罚日期。依据：内部做法——通报或处罚后出具整改报告见于代理机构资料及 2020 "
    "年语音呼叫管理规定征求意见稿；2018 年不良名单通知将检查后受到处罚列为列入事由。无阈值。",
    "check.QOS-03.title": "年内受处罚须反映不良名单状态",
    "check.QOS-03": "行政处罚 {decision}（{date}）在报告年度内，但 credit_status.bad_list 为 false",
    "check.QOS-03.doc": "compliance.yaml penalties 中有报告年度内的处罚决定，而 credit_status.bad_list 为 false（且 "
    "dishonest_list 不为 true）时提示。依据：工信部令第42号第四十二条：受到行政处罚的，自处罚决定作出之日起 30 "
    "日内列入电信业务经营不良名单（吊销许可证或直接列入失信名单的除外）。为警告级：列入可能已届满移出，"
    "请在情况说明中说明。无阈值。",
    "check.SHR-01.title": "股东持股合计 100%；外资股东与企业性质",
    "check.SHR-01": "{count} 名股东持股比例合计 {total}%，不等于 100%",
    "check.SHR-01.foreign": "存在外资股东（{holders}），但企业性质填为“内资”",
    "check.SHR-01.doc": "校验 company.yaml shareholders[].pct 合计为 100（容差 tolerance，默认 0.01），"
    "且有外资股东的企业不标为“内资”。企业性质是企业基本情况表的公示项。依据：工信部令第42号第三十五条（如实报告）"
    "及年报公示项。阈值：tolerance。",
    "check.SEC-01.title": "三级系统等保测评在 12 个月内",
    "check.SEC-01": "等保 {level} 级：最近一次测评为 {tested}，距年末 {year_end} 已超过 {months} 个月（早于 {cutoff}）",
    "check.SEC-01.doc": "compliance.yaml 的 netsec.dengbao_level 不低于 min_level（默认 3）且 netsec.last_test_date "
    "在报告年度 12 月 31 日时已超过 max_age_months（默认 12 个月）时提示。依据："
    "年报须报告网络与信息安全制度和措施落实情况（工信部令第42号第三十五条第（四）项）；"
    "三级系统每年测评出自代理机构资料及等级保护制度的通常表述，在此未经核实，按内部做法实施。阈值：max_age_months、min_level。",
    "check.OUTS-01.title": "外包最多一层，下游须持证",
    "check.OUTS-01": "{client} 项目：本公司作为 {upstream} 的分包方又再次转包（给 {licence_no}），外包层级超过一层",
    "check.OUTS-01.no_upstream": "{client} 项目：承接角色为分包（sub），但未填上游发包方",
    "check.OUTS-01.not_b24": "{client} 项目：下游承接方许可证编号“{licence_no}”不是许可证编号格式（B2-xxxxxxxx）",
    "check.OUTS-01.no_licence": "{client} 项目：业务转包给 {subcontractor}，但未记录其 B24 许可证编号",
    "check.OUTS-01.doc": "对 operations.yaml outsourcing[] 的每个项目：本公司为分包方又再转包（超过一层）、"
    "分包角色未填上游、下游承接方无有效许可证编号时提示。依据：内部做法（“链路穿透”是代理机构的说法）；"
    "相关规定为严禁转租转售电信资源、不得向无证或超范围经营者提供资源（信管〔2020〕81号及 2018 年工作方案）。无阈值。",
    "check.YOY-01.title": "关键指标同比变动超过 ±30%",
    "check.YOY-01": "{label}由 {before}（{previous_year} 年度，{previous_file}）变为 {now}，变动 {change}，"
    "超过 ±{limit}%：请在 explanations.yaml 中说明（check: YOY-01，field: {field}）",
    "check.YOY-01.from_zero": "{label}由 {before}（{previous_year} 年度，{previous_file}）增至 {now}："
    "请在 explanations.yaml 中说明（check: YOY-01，field: {field}）",
    "check.YOY-01.no_previous": "没有 {previous_year} 年度的报告：{year} 年度不做同比比较",
    "check.YOY-01.metric.operations.seats.total": "坐席总数",
    "check.YOY-01.metric.operations.seats.human": "人工坐席数",
    "check.YOY-01.metric.operations.seats.ai": "AI 坐席数",
    "check.YOY-01.metric.operations.inbound.offered": "呼入总量",
    "check.YOY-01.metric.operations.inbound.answered": "呼入接通量",
    "check.YOY-01.metric.operations.outbound.attempts": "呼出总量",
    "check.YOY-01.metric.operations.outbound.connected": "呼出接通量",
    "check.YOY-01.metric.finance.operating_revenue_wan": "营业收入（万元）",
    "check.YOY-01.metric.finance.telecom_revenue_wan": "电信业务收入（万元）",
    "check.YOY-01.metric.finance.call_center_revenue_wan": "呼叫中心业务收入（万元）",
    "check.YOY-01.metric.compliance.complaints.received": "用户投诉量",
    "check.YOY-01.metric.company.staff.total": "从业人员总数",
    "check.YOY-01.doc": "与上年报告（上一年度的同级目录）比较关键指标：坐席总数/人工/AI、呼入总量/接通量、"
    "呼出总量/接通量、营业收入/电信业务收入/呼叫中心业务收入、用户投诉量、从业人员总数。变动超过 ±change（默认 0.30）"
    "时在该指标处提示；在 explanations.yaml 中填写 check 为 YOY-01、field "
    "为该指标“文件名.yaml#指针”的说明即可消除（逐字段匹配）。比率和小基数计数（如 12321 转办件）不作为关键指标，"
    "其波动没有意义。没有上年报告时给出一条提示信息。依据：内部做法（可配置）；书面核查会追问大幅波动。阈值：change。",
    "check.SIG-01.title": "承诺书由现任法定代表人签署",
    "check.SIG-01": "承诺书签署人为 {signer}，但法定代表人为 {legal_rep}（company.yaml）",
    "check.SIG-01.letter": "数据真实性承诺函（内部做法）上的法定代表人签署人为 {signer}，但法定代表人为 "
    "{legal_rep}（company.yaml）",
    "check.SIG-01.doc": "校验 signatures.yaml 的 commitment.signer 及数据真实性承诺函上的法定代表人与 company.yaml 的 "
    "legal_rep.name 一致。依据：年报承诺书由法人代表签字并加盖公章（年报系统表单；原年检表 EM-1-1）；"
    "法定代表人与财务负责人双签的数据真实性承诺函为内部做法。无阈值。",
    "check.SIG-02.title": "签署顺序：审计、签署、提交",
    "check.SIG-02": "{document}签署日期 {signed} 晚于提交日期 {submitted}（meta.yaml）",
    "check.SIG-02.audit": "审计报告日期 {report_date} 晚于承诺书签署日期 {signed}（signatures.yaml）",
    "check.SIG-02.special": "专项审计报告日期 {report_date} 晚于承诺书签署日期 {signed}（signatures.yaml）",
    "check.SIG-02.doc.commitment": "承诺书",
    "check.SIG-02.doc.data_authenticity_letter": "数据真实性承诺函",
    "check.SIG-02.doc": "校验 signatures.yaml 的 commitment.date 和 data_authenticity_letter.date 不晚于 meta.yaml 的 "
    "submission_date，finance.yaml 的 audit.report_date（及专项审计报告日期）不晚于承诺书签署日期：先有数据再签署，"
    "签署后再提交。依据：关于文件先后顺序的内部做法（可配置）。无阈值。",
    "check.SIG-03.title": "3 月 31 日前提交",
    "check.SIG-03": "提交日期 {submitted} 晚于截止日期 {deadline}：4 月为限期补报期，系统于 {closes} 后关闭",
    "check.SIG-03.closed": "提交日期 {submitted} 晚于系统关闭日（{closes}）；截止日期为 {deadline}",
    "check.SIG-03.early": "提交日期 {submitted} 早于报送开始日期（{opens}）",
    "check.SIG-03.doc": "校验 meta.yaml 的 submission_date：次年 3 月 31 日前通过；4 月（限期补报期）为警告；4 月 30 "
    "日后为错误（系统不再接受数据），早于 1 月 1 日亦为错误。依据：工信部令第42号第三十五条（每年第一季度报告）"
    "及各省年报通知（4 月限期补报，5 月 1 日系统关闭）。无阈值。",
    # 非领域检查的内置规则（rac rules 列出，rac explain 打印说明）
    "rule.LOAD-SYNTAX.title": "YAML 语法错误",
    "rule.LOAD-SYNTAX.doc": "文件不是合法的 YAML；位置为解析器停止处。",
    "rule.LOAD-DUPLICATE-KEY.title": "映射中有重复的键",
    "rule.LOAD-DUPLICATE-KEY.doc": "同一映射中某个键出现两次；各解析器取舍不一，故拒绝。",
    "rule.LOAD-TAB.title": "缩进或冒号后使用了制表符",
    "rule.LOAD-TAB.doc": "YAML 用空格缩进；在解析器处理不一致的位置拒绝制表符。",
    "rule.LOAD-DEPTH.title": "嵌套层级过深",
    "rule.LOAD-DEPTH.doc": "超过上限的嵌套在解析前即被拒绝，防止恶意文件耗尽解析器。",
    "rule.LOAD-ALIAS.title": "别名炸弹或循环别名",
    "rule.LOAD-ALIAS.doc": "展开后节点过多（“十亿笑声”）或引用自身的别名被拒绝。",
    "rule.LOAD-SIZE.title": "文件过大",
    "rule.LOAD-SIZE.doc": "超过大小上限的文件不予读取。",
    "rule.LOAD-READ.title": "无法读取文件",
    "rule.LOAD-READ.doc": "操作系统拒绝读取该文件（权限不足、链接失效等）；提示中给出原因。",
    "rule.LOAD-ENCODING.title": "文件不是 UTF-8 编码",
    "rule.LOAD-ENCODING.doc": "报告文件须为 UTF-8；能识别 GBK/GB18030 和 UTF-16 并在提示中指出。",
    "rule.LOAD-TAG.title": "不支持的 YAML 标签",
    "rule.LOAD-TAG.doc": "自定义 YAML 标签（!xxx）不是数据，予以拒绝。",
    "rule.FILE-MISSING.title": "缺少报告文件",
    "rule.FILE-MISSING.doc": "一份报告有 11 个文件（meta、company、licence……），缺少其中之一。",
    "rule.FILE-EMPTY.title": "报告文件为空",
    "rule.FILE-EMPTY.doc": "文件中没有任何数据。",
    "rule.FILE-UNKNOWN.title": "报告目录中有未知文件",
    "rule.FILE-UNKNOWN.doc": "文件名不是报告文件之一的 YAML 文件，通常是文件名拼写错误。",
    "rule.META-YEAR.title": "报告年度与目录名不一致",
    "rule.META-YEAR.doc": "meta.yaml 的 report_year 须与报告所在目录名一致。",
    "rule.SCHEMA-VERSION.title": "未知的数据格式版本",
    "rule.SCHEMA-VERSION.doc": "meta.yaml 的 schema_version 不是 rac 或工作区已知的版本。",
    "rule.SCHEMA-TYPE.title": "类型错误",
    "rule.SCHEMA-TYPE.doc": "值的类型不对（应为数字却是文字等）；写成数字的编码须加引号。",
    "rule.SCHEMA-REQUIRED.title": "缺少必填字段",
    "rule.SCHEMA-REQUIRED.doc": "缺少数据模型要求的字段；位置为其上级字段的键。",
    "rule.SCHEMA-UNKNOWN-KEY.title": "未知字段",
    "rule.SCHEMA-UNKNOWN-KEY.doc": "数据模型中没有的键，通常是拼写错误。",
    "rule.SCHEMA-ENUM.title": "取值不在允许范围内",
    "rule.SCHEMA-ENUM.doc": "该值须为固定列表中的一项。",
    "rule.SCHEMA-FORMAT.title": "格式错误（日期、电子邮箱）",
    "rule.SCHEMA-FORMAT.doc": "日期为 YYYY-MM-DD 且须真实存在；电子邮箱须格式正确。",
    "rule.SCHEMA-PATTERN.title": "不符合规定形式",
    "rule.SCHEMA-PATTERN.doc": "统一社会信用代码、许可证编号、邮政编码等有固定形式。",
    "rule.SCHEMA-RANGE.title": "数值超出范围",
    "rule.SCHEMA-RANGE.doc": "计数不得为负，比率在 0 与 1 之间，等等。",
    "rule.SCHEMA-LENGTH.title": "长度不符或列表有重复项",
    "rule.SCHEMA-LENGTH.doc": "文字为空、列表项过少或过多，或列表中有重复项。",
    "rule.SCHEMA-DECIMALS.title": "小数位数过多",
    "rule.SCHEMA-DECIMALS.doc": "万元金额最多两位小数、比率最多四位；按所写文字校验。",
    "rule.SCHEMA-OTHER.title": "不符合数据模型",
    "rule.SCHEMA-OTHER.doc": "违反数据模式的其他约束。",
    "rule.SCHEMA-REF.title": "数据模式引用被拒绝",
    "rule.SCHEMA-REF.doc": "工作区的数据模式引用了工作区和程序包以外的内容；rac 从不联网获取。",
    "rule.EXPL-01.title": "情况说明未对应任何提示（已过时），或试图说明错误",
    "rule.EXPL-01": "该情况说明（{check}，{field}）没有对应的提示：字段、检查项或数据已变化，请更新或删除",
    "rule.EXPL-01.error": "该情况说明（{check}，{field}）针对的是错误：错误不能以说明消除，请更正数据",
    "rule.EXPL-01.duplicate": "对 {check}、{field} 的重复说明（第 {first} 条已说明）",
    "rule.EXPL-01.doc": "explanations.yaml 中的条目 {check, field: 文件名.yaml#指针, text_zh, …} "
    "消除该检查项在该字段上的警告（随后作为已豁免列出，注明“explained: …”）。条目没有对应任何提示（避免说明过时）、"
    "针对错误（错误不能以说明消除）或与前面条目重复时，EXPL-01 在该条目的 field 处警告。在 .reportascode.yaml "
    "中关闭的检查项，其说明不报告。依据：内部做法。",
    "rules.kind.check": "领域检查",
    "rules.kind.builtin": "内置规则",
    "rules.basis.V": "法规（已核实来源）",
    "rules.basis.A": "仅见于代理机构资料：按内部做法实施",
    "rules.basis.I": "内部设计选择（可配置的内部规则）",
    "rules.header": "共 {count} 条规则",
    "explain.severity": "级别",
    "explain.basis": "依据",
    "explain.reads": "读取文件",
    "explain.thresholds": "阈值（.reportascode.yaml 中 thresholds: {{{id}: {{名称: 数值}}}}）",
    "explain.fail": "不通过的示例（在 {file}#{pointer} 处提示）：",
    "explain.pass": "通过的示例：",
    "explain.example_base": "对 {year} 年度示例报告的修改",
    "cli.unknown_rule": "未知的规则编号“{id}”；可用 `rac rules` 查看",
    # hardening: hostile input, the write lock, interrupted freezes (issue 11)
    "load.not_regular": "不是普通文件（是目录、管道或设备），未读取",
    "load.outside_workspace": "该文件是指向工作区之外的链接，未读取",
    "load.nul": "此处有 NUL 字节（{char}）：是二进制文件，还是以 UTF-16 保存的文本？请另存为 UTF-8 文本",
    "load.control_char": "此处有控制字符 {char}，YAML 不允许（是否从其他程序粘贴而来？）",
    "load.line_too_long": "该行有 {length} 个字符（上限 {limit}），已拒绝",
    "file.unknown_more": "报告目录中另有 {count} 个未知的 YAML 文件，不再逐一列出（第一个：{name}）",
    "writelock.busy": "另一个 rac 命令（{holder}）正在写入此工作区；请待其完成后重试（锁文件 {path}）",
    "writelock.cannot_lock": "无法获取工作区写锁 {path}：{detail}",
    "verify.interrupted_commit": "HEAD 是 rac 为 {report} 生成的清单提交，但缺少标签 {tag}：rac {command} 被中断；"
    "请再次运行 rac {command} {report} 以完成",
    "verify.interrupted_manifest": "工作区中的 {path} 不是已提交的清单：rac freeze 或 submit 被中断；请再次运行"
    "（会先恢复已提交的清单）",
    "check.REC-12.outside": "{name} 链接到报告目录之外的文件，未读取",
    "git.locked": "git 的锁文件 {path} 已存在：有其他 git 命令正在运行，或曾被强行终止。若没有 git 命令在运行，"
    "请删除该文件后重新运行",
    "finding.more": "本文件另有 {count} 处 {rule}，不再逐一列出（此处为其中第一处）",
    "finding.more_stopped": "本文件至少另有 {count} 处 {rule}，不再逐一列出（此处为其中第一处）；"
    "数据模式错误超过 10,000 处后不再计数",
    # rac lsp（语言服务器）
    "lsp.not_installed": "rac lsp 需要安装可选依赖：pip install 'reportascode[lsp]'（{detail}）",
    "lsp.explained": "{message}（已说明：{reason}）",
    "lsp.waived": "{message}（已豁免：{reason}）",
    "lsp.related_read": "{rule} 也读取此值",
    "lsp.related_mirror": "{rule}（{file} 第 {line} 行）读取此值：{message}",
    "lsp.hover.unit": "单位：{unit}",
    "lsp.hover.date": "日期，格式为 YYYY-MM-DD",
    "lsp.hover.allowed": "可填值：{values}",
    "lsp.complete.date": "日期 YYYY-MM-DD",
    "lsp.action.quote": "为 {value} 加引号，使各种 YAML 读取器都将其读作文本",
    "lsp.action.full_width": "替换 {text} 中的全角字符",
    "lsp.action.explain": "在 explanations.yaml 中说明此 {rule} 警告",
    "lsp.action.missing_keys": "在 {pointer} 中插入缺少的键（以占位符填写）：{keys}",
}

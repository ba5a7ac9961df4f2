"""The eleven files of an empty report: every key of the data model, Chinese comments, the schema modeline, and
the placeholder ``待填`` wherever the company has to enter a value (validation reports each as FILL-01).

Lists start with one example entry made of placeholders (a branch, a number, a trunk, a province row); lists of
events (notices, penalties, changes) are a single placeholder: set them to ``[]`` when there was none.
"""

from __future__ import annotations

from reportascode.model.schemas import DEFAULT_VERSION, REPORT_FILES

MODELINE = "# yaml-language-server: $schema={prefix}schemas/{version}/{name}.schema.json"

_TEMPLATES: dict[str, str] = {
    "meta": """\
# 报送信息：本年报的报告年度、对应许可证及提交情况。
# 占位符“待填”表示尚未填写，rac validate 会逐项报告（FILL-01）。
report_year: {year}              # 报告年度，须与所在目录名一致
licence_no: {licence}        # 许可证编号（省级通信管理局核发的带省份简称前缀，如 浙B2-…）
filing_channel: tsm_dxzhgl     # 报送系统：电信业务市场综合管理信息系统（dxzhgl.miit.gov.cn）
submission_date: null          # 系统提交日期；提交前填 null。应在次年 3 月 31 日前提交
schema_version: "{version}"          # 数据格式版本，须加引号
""",
    "company": """\
# 企业基本情况表（必须公示）及从业人员、股东情况、年内变更事项。
# 金额单位：万元；人数单位：人；持股比例单位：%。数据截至 {year}-12-31。
name: {company}        # 须与许可证持证主体一致
uscc: 待填                        # 统一社会信用代码（18 位，末位为校验码）
legal_rep:                        # 法定代表人，须与承诺书签署人一致
  name: 待填
  id_no_masked: 待填              # 身份证号码，仅保存脱敏值，如 "330106********2137"
  phone: 待填
  email: 待填
contact:                          # 公司联系人（年报填报联系人）
  name: 待填
  phone: 待填
  email: 待填
registered_address: 待填
registration_province: 待填       # 注册属地（GB/T 2260 两位代码，须加引号，如 "33"）
mailing_address: 待填
postcode: 待填                    # 邮政编码，按字符串填写（加引号）
registered_capital_wan: 待填      # 注册资本，单位：万元（省内经营不低于 100 万元，跨省不低于 1000 万元）
paid_in_capital_wan: 待填         # 实缴资本，单位：万元
enterprise_nature: 待填           # 企业性质：内资 / 外商投资 / 港澳台投资
listed: 待填                      # 上市情况：未上市 / 境内 / 境外
complaint_phone: 待填             # 客户服务投诉电话（公示项）
staff:                            # 年末从业人员，单位：人
  total: 待填
  call_center: 待填               # 呼叫中心人员，不应少于人工坐席数
  technical: 待填
  social_insured: 待填            # 缴纳社保人数
shareholders:                     # 股东持股比例合计须为 100；region 为省份代码（境外股东用 ISO 国家代码）
  - name: 待填
    kind: 待填                    # legal 法人 / natural 自然人 / partnership 合伙企业
    region: 待填
    pct: 待填
    is_foreign: 待填              # true / false
changes: 待填                     # 年内名称、法定代表人、注册资本、股东、覆盖范围等变更；无变更填 []
""",
    "licence": """\
# 增值电信业务经营许可证信息。许可证有效期 5 年，续期须在到期前 90 日提出申请。
licence_no: {licence}           # 须与 meta.yaml 一致
holder_name: {company}  # 持证主体，须与 company.yaml 企业名称一致
issuer: 待填                      # 发证机关：MIIT（工业和信息化部）或省份代码（省通信管理局）
issue_date: 待填
expiry_date: 待填
services:                         # 许可业务种类及覆盖范围
  - code: B24-1                   # 国内呼叫中心业务
    status: 待填                  # 开通 / 未开通；开通的业务须填报业务发展情况表
    coverage: [待填]              # 覆盖省份代码，如 ["33", "32"]；全国填 ["全国"]
special_conditions: []            # 许可证特别事项；无则为 []
renewal_applied_date: null        # 续期申请日期；未申请填 null
""",
    "operations": """\
# 业务发展情况表（B24 国内呼叫中心业务）。
# 单位：坐席 席；话务量 次；时长 分钟/秒；收入 万元。比率一律填小数（0.148 即 14.8%），并同时保存分子分母。
seats:                            # 年末坐席数：total = human + ai
  total: 待填
  human: 待填
  ai: 待填
  ai_ratio_reported: 待填         # AI 坐席占比 = ai / total，保留三位小数
peak_concurrent_calls: 待填       # 年内峰值并发呼叫数，单位：路
clients_signed: 待填              # 年末签约客户数，单位：家
inbound:                          # 呼入，单位：次
  offered: 待填
  answered: 待填
outbound:                         # 呼出，单位：次；仅限用户同意的即时回访与信息咨询
  attempts: 待填
  connected: 待填
  by_purpose:                     # 分用途合计须等于 attempts
    callback: 待填                # 即时回访
    info: 待填                    # 信息咨询
    marketing: 待填               # 商业营销外呼：呼叫中心号码不得开展，须为 0
talk_minutes_total: 待填          # 通话总时长，单位：分钟
avg_talk_seconds: 待填            # 平均通话时长，单位：秒
by_province:                      # 按坐席所在地分省；各列合计须等于上方总数
  - province: 待填                # 省份代码，须加引号，如 "33"
    seats: 待填
    ai_seats: 待填
    inbound_answered: 待填
    outbound_connected: 待填
    revenue_wan: 待填             # 单位：万元
    site_id: 待填                 # 对应 branches.yaml 的 id
outsourcing: 待填                 # 外包链条（client、role: prime/sub、upstream、subcontractor_licence_no）；无则填 []
internal_kpis:                    # 内部管理指标，非监管填报项
  marketing_conversion: null      # 不开展营销外呼则为 null
  complaint_rate_per_100k: 待填   # 每十万次通话投诉量
""",
    "finance": """\
# 企业经济效益表。单位：万元，最多两位小数；须与年度审计报告一致。
# 营业收入、营业成本、电信业务收入由企业自愿选择是否公示（见 publish）。
operating_revenue_wan: 待填       # 营业收入
operating_cost_wan: 待填          # 营业成本
telecom_revenue_wan: 待填         # 电信业务收入，不得高于营业收入
call_center_revenue_wan: 待填     # 呼叫中心业务收入
total_profit_wan: 待填            # 利润总额（亏损填负数）
tax_paid_wan: 待填                # 纳税总额
total_assets_wan: 待填            # 年末资产总额
publish:                          # 是否公示：true / false
  operating_revenue: 待填
  operating_cost: 待填
  telecom_revenue: 待填
audit:                            # 年度财务审计
  firm: 待填
  report_no: 待填
  report_date: 待填               # 不得晚于承诺书签署日期
  opinion: 待填                   # 无保留 / 保留 / 否定 / 无法表示
  audited_operating_revenue_wan: 待填   # 审定营业收入，须与上方营业收入一致
  special_report: null            # 呼叫中心业务专项审计（部分省局要求；内部做法，非全国统一规定）；无则为 null
""",
    "branches": """\
# 分支机构及运营场地（公示项「分支机构」）。
# 有坐席的省份须有分公司或运营场地；id 供 operations.yaml 的 by_province[].site_id 引用。
# seats 单位：席；staff 单位：人。
- id: 待填                        # 字母、数字、-、_，如 ZJ-HZ-01
  name: 待填
  uscc: 待填                      # 运营场地无独立登记的，填本公司统一社会信用代码
  kind: 待填                      # 分公司 / 子公司 / 运营场地
  province: 待填                  # 省份代码，须加引号，如 "33"
  city: 待填
  address: 待填
  established: 待填
  closed: null                    # 仍在运营填 null
  operates_b24: 待填              # 是否经营呼叫中心业务：true / false
  seats: 待填
  staff: 待填
""",
    "numbers": """\
# 接入号码（码号资源）。自有 95/96 号码须持码号证书并于次年 3 月 31 日前报送码号年报；
# 400 号码为运营商产品（租用），不属本公司码号，不报码号年报。
# 号码默认仅呼入；开通呼出须有呼出承诺书，用途限即时回访（callback）或信息咨询（info）。
- number: 待填                    # 号码，全为数字时须加引号，如 "96801"
  kind: 待填                      # "95" / "96" / carrier_400 / carrier_1010 / did
  holder: 待填                    # self 自有 / carrier_leased 向运营商租用
  allocator: 待填                 # 核配机关：MIIT / 省份代码 / carrier
  certificate_no: 待填            # 码号证书编号；租用号码填 null
  scope: [待填]                   # 使用范围：省份代码或 "全国"
  allocated: 待填
  valid_until: 待填               # 有效期至；无固定有效期填 null
  status: 待填                    # 启用 / 未启用 / 退还
  outbound_enabled: 待填          # 是否开通呼出：true / false
  outbound_commitment_date: null  # 呼出承诺书签署日期；未开通呼出填 null
  outbound_purpose: []            # 呼出用途：[callback] / [info] / []
  code_annual_report_filed: 待填  # 码号年报报送日期；非自有码号填 null
  trunk_ids: [待填]               # 承载本号码的中继 id（trunks.yaml）
""",
    "trunks": """\
# 语音中继线路。须向基础电信运营商直接租用，合同须覆盖整个报告年度，严禁转租转售。
# channels 单位：路。
- id: 待填                        # 如 TRK-ZJ-CT-01
  carrier: 待填                   # 中国电信 / 中国移动 / 中国联通 / 中国广电
  province: 待填                  # 省份代码，须加引号
  kind: 待填                      # SIP / E1 / PRI
  channels: 待填
  contract_start: 待填
  contract_end: 待填
  numbers: [待填]                 # 承载号码，须与 numbers.yaml 的 trunk_ids 对应
  direction: 待填                 # in 仅呼入 / in_out 呼入呼出
  sublet: false                   # 是否转租转售（不得转租转售）
""",
    "compliance": """\
# 企业服务质量表（投诉情况必须公示）、网络与信息安全、执行规定情况。
complaints:                       # 用户投诉，单位：次
  received: 待填                  # 用户投诉量
  replied: 待填                   # 回复量，不得大于投诉量
  reply_rate_reported: 待填       # 用户投诉回复率 = 回复量 / 投诉量，小数
  via_12321: 待填                 # 其中 12321 转办
  via_miit_appeal: 待填           # 其中工信部申诉中心转办
harassment_notices: 待填          # 骚扰电话通报（date、source、ref、rectification_report）；未收到填 []
penalties: 待填                   # 行政处罚（decision_no、authority、date、reason、fine_wan、
                                  # rectification_report）；无则填 []
credit_status:                    # 电信业务经营不良名单 / 失信名单：true / false
  bad_list: 待填
  dishonest_list: 待填
netsec:                           # 网络与信息安全
  owner: 待填
  dengbao_level: 待填             # 等保级别 1–5
  dengbao_filing_no: 待填
  last_test_date: 待填            # 最近一次等保测评日期
  test_report_no: 待填
  incidents: 待填                 # 安全事件，单位：次
  data_leaks: 待填                # 数据泄露事件，单位：次
  emergency_plan_date: 待填       # 现行应急预案修订日期
recording_retention_days: 待填    # 录音留存期限，单位：天（不少于 30 天）
consent_retention_days: 待填      # 用户同意凭证留存期限，单位：天（不少于 30 天）
dnc_list_in_use: 待填             # 是否使用禁呼名单：true / false
ai_outbound:                      # AI 外呼
  in_use: 待填                    # true / false
  vendor: null                    # 服务商；未使用填 null
  filings: []                     # 相关备案编号
""",
    "signatures": """\
# 签署信息。签署日期不得晚于提交日期（meta.yaml），审计报告日期不得晚于承诺书日期。
commitment:                       # 年报承诺书（系统内手工录入，并由法定代表人签字盖章）
  signer: 待填                    # 须为现任法定代表人
  role: 法定代表人
  date: 待填
  seal: 待填                      # 是否已加盖公章：true / false
data_authenticity_letter:         # 数据真实性承诺函（内部做法：法定代表人与财务负责人双签）
  legal_rep: 待填
  finance_head: 待填
  date: 待填
preparer:                         # 填报人
  name: 待填
  date: 待填
reviewer:                         # 审核人
  name: 待填
  date: 待填
""",
    "explanations": """\
# 情况说明：对校验警告（同比变动超过 ±30%、许可证临近到期等）逐条说明。
# 每条：check（检查项编号）、field（文件名#JSON 指针，如 operations.yaml#/seats/ai）、text_zh、
# evidence（佐证材料列表）。
[]
""",
}


def skeleton_files(year: int, company: str, licence: str, version: str = DEFAULT_VERSION,
                   depth: int = 2) -> dict[str, str]:
    """The text of each of the eleven files for a report folder ``depth`` levels below the workspace root."""
    from reportascode.authoring.yamltext import render_string

    values = {"year": year, "company": render_string(company), "licence": render_string(licence),
              "version": version}
    prefix = "../" * depth
    files: dict[str, str] = {}
    for name in REPORT_FILES:
        modeline = MODELINE.format(prefix=prefix, version=version, name=name)
        files[name] = modeline + "\n" + _TEMPLATES[name].format(**values)
    return files

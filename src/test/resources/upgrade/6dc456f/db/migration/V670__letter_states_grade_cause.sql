-- The shipped 提示函 states the grade and what decided it first, lists only indicators in their worst band,
-- and addresses the unit by its own kind ({称谓}: 你县 / 你区 / 你市 / 你市本级). Templates edited by users stay as they are.
update warning_letter_template
   set body = '根据{期间}全区“三保”运行监测结果，{称谓}监测等级为{风险等级}（综合得分{总分}分）。定级依据：{定级依据}。
{问题清单}
请{称谓}高度重视，认真分析原因，按以下要求抓好整改：
{整改要求}
请于{反馈期限}前将整改方案报送自治区财政厅，逾期未报送的将按规定予以通报。'
 where code = 'DEFAULT' and updated_by = 'system';

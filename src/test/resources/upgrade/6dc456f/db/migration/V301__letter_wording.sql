-- The shipped template said 县级 although letters also go to 市本级 and 宁东; templates edited by users stay as they are.
update warning_letter_template
   set body = replace(body, '{期间}县级“三保”运行监测结果', '{期间}全区市县“三保”运行监测结果')
 where code = 'DEFAULT' and updated_by = 'system';

/** The "which case is yours?" guide (/start/). */
import type { StringTable } from './types.ts';

export default {
  start_title: { zh: '哪种情况适合你？', en: 'Which case is yours?' },
  start_description: {
    zh: '回答一两个问题，找到注销 ICP 备案的办法：通过服务商在线注销，还是到通信管理局书面申请。',
    en: 'Answer one or two questions to find how to deregister your ICP filing: online through your provider, or on paper at the communications administration.',
  },
  start_answers: { zh: '请选择一项', en: 'Choose one' },
  start_back: { zh: '返回上一个问题', en: 'Back to the previous question' },
  start_again: { zh: '重新开始', en: 'Start again' },
  start_outcome: { zh: '你的情况', en: 'Your case' },
  start_next: { zh: '接下来', en: 'What to read next' },
  start_procedureSection: { zh: '办理步骤中的相关部分', en: 'The matching part of the procedure' },
  start_lookup: { zh: '用备案号查省份', en: 'Find the province from a filing number' },
  start_provinces: { zh: '各省通信管理局', en: 'All provinces' },
  start_sources: { zh: '本页依据的资料', en: 'The sources of this page' },
} as const satisfies StringTable;

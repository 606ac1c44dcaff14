/**
 * 烈士英名录 — texts of the screens that move records in and out: import, merge, export. Spread
 * into `martyrsZh` (martyrs.zh.ts); `martyrs.transfer.en.ts` is typed against this.
 */
export const martyrsTransferZh = {
  import: {
    title: '从 Excel 导入',
    lead: '选择 Excel（.xlsx）或 CSV 文件。系统会找出表头、对应各列，先检查每一行：只要有一行有问题，就一条也不写入。',
    source: '这些记录的来源',
    sourceHelp: '可不选；建议登记为“某某台账（Excel）”，以后可按来源查看这批记录',
    doneLead: '导入的记录为草稿，请核对后提交审核。',
    showSource: '在名录中查看这批记录',
    showRoll: '查看名录',
  },
  merge: {
    open: '合并',
    openHint: '发现可能是同一人的记录：比对后合并',
    title: '合并两条记录',
    lead: '逐栏选择保留哪一个值。合并后保留左侧记录，右侧记录移入回收站；两条记录的来源和修改历史都保留。',
    keep: '保留的记录 #{{id}}',
    merged: '并入的记录 #{{id}}',
    field: '栏目',
    same: '相同',
    provenance: '出处',
    noSource: '（未选来源）',
    empty: '（空）',
    reason: '合并原因',
    reasonHelp: '如“同一人：1982年油印本与去年的 Excel 台账”',
    reasonRequired: '请填写合并原因。',
    confirm: '确认合并',
    swap: '左右互换',
    done: '已合并：{{name}}',
    differing: '{{count}} 栏不同',
    keysHint: 'Tab 在各栏间移动，← → 选择保留的值；填好原因后按 Ctrl+Enter 确认合并',
    saveThenMerge: '保存后与之合并',
    mergeWith: '与之合并',
    notSame: '两条记录是同一条，不能合并。',
    deletedOne: '其中一条已在回收站，不能合并。',
    pick: '选择要合并的记录',
  },
  export: {
    button: '导出 Excel',
    hint: '把当前查找、筛选和排序下的全部记录导出为 Excel 文件',
    title: '导出名录',
    done: '已生成 {{name}}，正在下载。',
    download: '再次下载',
    close: '关闭',
  },
};

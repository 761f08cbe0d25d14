/// The inline stylesheet of every HTML document: readable on screen, clean on A4/Letter paper (the SLA document
/// in at most four pages), and on a 375 px phone nothing is wider than the screen.
enum PageStyle {
    static let css = """
        :root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dee7; --met: #1e7b45; --missed: #b42318; --risk: #b54708; --na: #5b6475; --band: #e7f3ec; --accent: #2f5bd3; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f6f8; color: var(--ink); font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 980px; margin: 24px auto; background: #fff; padding: 32px 44px; border: 1px solid var(--rule); border-radius: 6px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 16px; margin: 20px 0 6px; }
        p, li { max-width: 78ch; }
        table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 14px; }
        th, td { text-align: left; padding: 6px 9px; border-bottom: 1px solid var(--rule); vertical-align: top; overflow-wrap: break-word; }
        th { background: #f0f2f6; font-weight: 600; }
        td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
        td.c, th.c { text-align: center; }
        td[class*="v-"], td.nw { white-space: nowrap; }
        li.task { list-style: none; margin-left: -1.1em; }
        td.v-met { color: var(--met); font-weight: 600; }
        td.v-missed { color: var(--missed); font-weight: 700; background: #fdf0ef; }
        td.v-at-risk { color: var(--risk); font-weight: 700; background: #fef6ec; }
        td.v-insufficient-data, td.v-not-measurable { color: var(--na); font-style: italic; }
        code { font-size: 13px; background: #f0f2f6; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
        blockquote { margin: 12px 0; padding: 8px 14px; border-left: 4px solid var(--accent); background: #f4f7fe; }
        figure.chart { margin: 8px 0 18px; }
        figure.chart svg { width: 100%; height: auto; max-width: 900px; }
        hr { border: 0; border-top: 1px solid var(--rule); margin: 26px 0; }
        ul.contains-task-list, li input { margin-right: 6px; }
        p { overflow-wrap: anywhere; }
        @media (max-width: 640px) {
          body { background: #fff; font-size: 14px; }
          main { margin: 0; padding: 14px 10px; border: 0; border-radius: 0; }
          h1 { font-size: 22px; }
          table { font-size: 12px; }
          th, td { padding: 4px 3px; }
          blockquote { margin: 10px 0; padding: 6px 10px; }
          table.records thead { display: none; }
          table.records, table.records tbody, table.records tr, table.records td { display: block; width: 100%; }
          table.records tr { border-bottom: 1px solid var(--rule); padding: 4px 0; }
          table.records td { border: 0; padding: 1px 3px; white-space: normal; }
          table.records td::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
        }
        @media print {
          @page { size: auto; margin: 12mm 12mm; }
          body { background: #fff; font-size: 9.5pt; line-height: 1.35; }
          main { border: 0; margin: 0; padding: 0; max-width: none; }
          p, li { max-width: none; }
          h1 { font-size: 17pt; }
          h2 { font-size: 12.5pt; margin: 14pt 0 5pt; padding-bottom: 2pt; break-after: avoid; }
          h3 { font-size: 10.5pt; margin: 10pt 0 4pt; break-after: avoid; }
          table { font-size: 8.5pt; margin: 5pt 0 9pt; }
          th, td { padding: 2.5pt 5pt; }
          thead { display: table-header-group; }
          tr, figure, blockquote { break-inside: avoid; }
          blockquote { margin: 6pt 0; padding: 4pt 10pt; }
          ul, ol { margin: 4pt 0; }
          code { font-size: 8pt; }
          td.v-missed, td.v-at-risk { background: none; }
        }
        """
}

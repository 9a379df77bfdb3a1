/**
 * The review report's stylesheet. Colours meet WCAG AA contrast (4.5:1 for text) on their
 * backgrounds; severity is always said in words as well as colour; one column below 46rem.
 */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1b1f; --muted: #4a4d57; --line: #c9ccd4; --paper: #ffffff; --ground: #f3f4f7;
  --error: #a4161a; --error-bg: #fde2e1; --warn: #6b4500; --warn-bg: #fff1c7; --focus: #1a5fb4; --link: #1a4f9c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--ground); }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: .5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
header.page, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header.page h1 { margin: .5rem 0 .25rem; font-size: 1.6rem; }
header.page p { margin: 0; color: var(--muted); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.tile { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.tile strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.tile.error strong { color: var(--error); }
.tile.warning strong { color: var(--warn); }
.tile span { color: var(--muted); font-size: .9rem; }
.table-scroll { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .75rem; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .5rem .75rem; }
form.filters { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem 1rem; margin: 1rem 0; }
fieldset { border: 0; margin: .5rem 0 0; padding: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: .25rem; }
.choices { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.choices label { display: inline-flex; align-items: center; gap: .35rem; min-height: 2rem; overflow-wrap: anywhere; }
input[type=checkbox] { width: 1.15rem; height: 1.15rem; margin: 0; flex: none; }
button { font: inherit; padding: .25rem .75rem; border: 1px solid var(--muted); border-radius: .35rem; background: var(--paper); color: var(--ink); cursor: pointer; min-height: 2rem; }
.status { font-weight: 600; margin: .75rem 0 0; }
nav.folders details { margin: .5rem 0 1rem; }
nav.folders ul { columns: 14rem; margin: .5rem 0; padding-left: 1.25rem; }
section.folder > h2 { font-size: 1.3rem; margin: 2rem 0 .25rem; overflow-wrap: anywhere; }
section.platform > h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; color: var(--muted); }
article.draft { background: var(--paper); border: 1px solid var(--line); border-left: .4rem solid var(--line); border-radius: .5rem; margin: 0 0 .75rem; padding: .75rem 1rem;
  content-visibility: auto; contain-intrinsic-size: auto 14rem; }
article.draft.has-error { border-left-color: var(--error); }
article.draft.has-warning { border-left-color: #b07d00; }
article.draft h4 { margin: 0; font-size: 1rem; overflow-wrap: anywhere; }
article.draft .meta { margin: .1rem 0 .5rem; color: var(--muted); font-size: .9rem; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; }
.message { align-self: start; background: #eef1f6; border-radius: 1rem 1rem 1rem .25rem; padding: .75rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.subject { font-weight: 600; margin: 0 0 .5rem; padding-bottom: .5rem; border-bottom: 1px solid var(--line); white-space: normal; }
.empty { color: var(--muted); font-style: italic; }
mark { color: inherit; border-radius: .15rem; padding: 0 .05rem; }
mark.error { background: var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
mark.warning { background: var(--warn-bg); box-shadow: inset 0 -2px 0 #8a5a00; }
mark.off { background: none; box-shadow: none; }
.evidence-span { text-decoration: underline dotted #5b3e96 2px; text-underline-offset: .2em; }
.evidence-span.off { text-decoration: none; }
sup.ref a { font-size: .75rem; font-weight: 700; text-decoration: none; padding: 0 .15rem; }
sup.ref.off { display: none; }
.placeholder { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #e1e6f0; border-radius: .25rem; padding: 0 .2rem; }
.control { font-family: ui-monospace, monospace; font-size: .8em; background: #ffe3f1; color: #7a0046; border-radius: .2rem; }
ol.problems { margin: 0; padding-left: 1.5rem; }
ol.problems li { margin: 0 0 .6rem; padding-left: .15rem; }
.sev { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border-radius: .25rem; padding: 0 .35rem; margin-right: .35rem; }
.sev.error { background: var(--error); color: #fff; }
.sev.warning { background: var(--warn-bg); color: var(--warn); border: 1px solid #8a5a00; }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.detail { display: block; color: var(--muted); font-size: .9rem; }
.ok { color: #1f6b2f; font-weight: 600; margin: 0; }
[hidden] { display: none !important; }
@media (max-width: 46rem) {
  header.page, main, footer { padding: .75rem; }
  .columns { grid-template-columns: minmax(0, 1fr); }
  article.draft { padding: .75rem; }
}
@media print {
  form.filters, nav.folders, .skip { display: none; }
  body { background: #fff; }
  article.draft { break-inside: avoid; content-visibility: visible; }
}
`;

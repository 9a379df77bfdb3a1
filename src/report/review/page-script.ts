/**
 * The review report's only script: the filters by severity and rule. Without it (scripts off,
 * or a mail client) the page shows every draft and hides the filter form, which needs it.
 * Each problem is an `li.problem` with `data-severity` and `data-rule`; each highlight, evidence
 * underline and reference mark names the problems it belongs to in `data-for`.
 */
export const PAGE_SCRIPT = `
(() => {
  'use strict';
  const form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  const status = document.getElementById('filter-status');
  const ruleInputs = [...form.querySelectorAll('input[name="rule"]')];
  const severityInputs = [...form.querySelectorAll('input[name="severity"]')];
  const cards = [...document.querySelectorAll('article.draft')].map((card) => ({
    card,
    problems: [...card.querySelectorAll('li.problem')],
    marks: [...card.querySelectorAll('[data-for]')],
  }));
  const platforms = [...document.querySelectorAll('section.platform')];
  const folders = [...document.querySelectorAll('section.folder')];
  const count = (n, word) => n.toLocaleString('en-US') + ' ' + word + (n === 1 ? '' : 's');

  function update() {
    const severities = new Set(severityInputs.filter((i) => i.checked).map((i) => i.value));
    const rules = new Set(ruleInputs.filter((i) => i.checked).map((i) => i.value));
    const narrowed = severities.size < severityInputs.length || rules.size < ruleInputs.length;
    const only = form.elements.only.checked;
    let drafts = 0;
    let errors = 0;
    let warnings = 0;
    for (const entry of cards) {
      const shown = new Set();
      for (const item of entry.problems) {
        const on = severities.has(item.dataset.severity) && rules.has(item.dataset.rule);
        item.hidden = !on;
        if (!on) continue;
        shown.add(item.id);
        if (item.dataset.severity === 'error') errors++;
        else warnings++;
      }
      for (const mark of entry.marks) mark.classList.toggle('off', !mark.dataset.for.split(' ').some((id) => shown.has(id)));
      const hide = shown.size === 0 && (only || narrowed);
      entry.card.hidden = hide;
      if (!hide) drafts++;
    }
    for (const section of platforms) section.hidden = !section.querySelector('article.draft:not([hidden])');
    for (const section of folders) section.hidden = !section.querySelector('section.platform:not([hidden])');
    status.textContent = 'Showing ' + count(drafts, 'draft') + ' of ' + cards.length.toLocaleString('en-US') + ': ' + count(errors, 'error') + ', ' + count(warnings, 'warning');
  }

  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-rules]');
    if (!button) return;
    for (const input of ruleInputs) input.checked = button.dataset.rules === 'all';
    update();
  });
  update();
})();
`;

/**
 * What `/sop action` / `/sop decide` may carry after the word, to fill the form in: a mention
 * (`<@U123|lena>`, as Slack escapes it), a due date (`2027-01-15`) and the text. Anything the words do
 * not say stays empty for the form to ask.
 */
export interface ItemDraft {
  owner: string | null;
  dueDate: string | null;
  text: string;
}

export function parseItemText(raw: string): ItemDraft {
  let owner: string | null = null;
  let dueDate: string | null = null;
  const rest: string[] = [];
  for (const word of raw.trim().split(/\s+/).filter(Boolean)) {
    const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(word);
    if (mention && owner === null) owner = mention[1]!;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(word) && dueDate === null) dueDate = word;
    else rest.push(word);
  }
  return { owner, dueDate, text: rest.join(" ") };
}

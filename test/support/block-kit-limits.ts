/**
 * Block Kit limits as Slack enforces them (api.slack.com/reference/block-kit). The stand-in rejects
 * payloads that break them with Slack's own `invalid_blocks` / `invalid_arguments` errors.
 */
type Json = Record<string, unknown>;

const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  imageUrl: 3000,
  altText: 2000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  messageText: 40000,
  optionText: 75,
  options: 100,
};

function textOf(t: unknown): string {
  return typeof t === "object" && t !== null && typeof (t as Json).text === "string"
    ? ((t as Json).text as string)
    : "";
}

function checkElement(el: Json, where: string, errors: string[]): void {
  if (typeof el.action_id === "string" && el.action_id.length > LIMITS.actionId)
    errors.push(`${where}.action_id too long`);
  if (el.type === "button") {
    if (textOf(el.text).length > LIMITS.buttonText)
      errors.push(`${where}.text must be at most ${LIMITS.buttonText} characters`);
    if (typeof el.value === "string" && el.value.length > LIMITS.buttonValue)
      errors.push(`${where}.value must be at most ${LIMITS.buttonValue} characters`);
  }
  if (Array.isArray(el.options)) {
    if (el.options.length > LIMITS.options)
      errors.push(`${where}.options must have at most ${LIMITS.options} items`);
    el.options.forEach((o: Json, i: number) => {
      if (textOf(o.text).length > LIMITS.optionText) errors.push(`${where}.options[${i}].text too long`);
    });
  }
}

export function checkBlocks(blocks: unknown, max: number): string[] {
  const errors: string[] = [];
  if (blocks === undefined) return errors;
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  if (blocks.length > max) errors.push(`no more than ${max} items allowed [json-pointer:/blocks]`);
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const where = `/blocks/${i}`;
    if (typeof b !== "object" || b === null || typeof b.type !== "string") {
      errors.push(`missing required field: type [json-pointer:${where}]`);
      return;
    }
    if (typeof b.block_id === "string" && b.block_id.length > LIMITS.blockId)
      errors.push(`${where}/block_id too long`);
    switch (b.type) {
      case "section": {
        const t = textOf(b.text);
        if (b.text !== undefined && t.length === 0) errors.push(`${where}/text must not be empty`);
        if (t.length > LIMITS.sectionText)
          errors.push(
            `must be less than ${LIMITS.sectionText + 1} characters [json-pointer:${where}/text/text]`,
          );
        if (b.text === undefined && b.fields === undefined) errors.push(`${where} needs text or fields`);
        if (Array.isArray(b.fields)) {
          if (b.fields.length > LIMITS.sectionFields)
            errors.push(`${where}/fields must have at most ${LIMITS.sectionFields} items`);
          b.fields.forEach((f: unknown, j: number) => {
            if (textOf(f).length > LIMITS.fieldText)
              errors.push(`${where}/fields/${j} must be at most ${LIMITS.fieldText} characters`);
          });
        }
        if (b.accessory) checkElement(b.accessory as Json, `${where}/accessory`, errors);
        break;
      }
      case "header":
        if (textOf(b.text).length > LIMITS.headerText)
          errors.push(`${where}/text must be at most ${LIMITS.headerText} characters`);
        if ((b.text as Json | undefined)?.type !== "plain_text")
          errors.push(`${where}/text must be plain_text`);
        break;
      case "context":
        if (!Array.isArray(b.elements) || b.elements.length === 0) errors.push(`${where}/elements required`);
        else if (b.elements.length > LIMITS.contextElements)
          errors.push(`${where}/elements must have at most ${LIMITS.contextElements} items`);
        break;
      case "actions":
        if (!Array.isArray(b.elements) || b.elements.length === 0) errors.push(`${where}/elements required`);
        else {
          if (b.elements.length > LIMITS.actionsElements)
            errors.push(`${where}/elements must have at most ${LIMITS.actionsElements} items`);
          b.elements.forEach((e: Json, j: number) => {
            checkElement(e, `${where}/elements/${j}`, errors);
          });
        }
        break;
      case "image":
        if (typeof b.image_url === "string" && b.image_url.length > LIMITS.imageUrl)
          errors.push(`${where}/image_url too long`);
        if (b.image_url === undefined && b.slack_file === undefined)
          errors.push(`${where} needs image_url or slack_file`);
        if (typeof b.alt_text !== "string" || b.alt_text.length === 0 || b.alt_text.length > LIMITS.altText)
          errors.push(`${where}/alt_text must be 1-${LIMITS.altText} characters`);
        break;
      case "input":
        if (textOf(b.label).length > LIMITS.inputLabel) errors.push(`${where}/label too long`);
        if (!b.element) errors.push(`${where}/element required`);
        else checkElement(b.element as Json, `${where}/element`, errors);
        break;
      case "divider":
      case "rich_text":
      case "file":
        break;
      default:
        errors.push(`unsupported block type ${String(b.type)} [json-pointer:${where}]`);
    }
  });
  return errors;
}

export function checkMessage(args: Json): string[] {
  const errors = checkBlocks(args.blocks, LIMITS.messageBlocks);
  if (typeof args.text === "string" && args.text.length > LIMITS.messageText) errors.push("text too long");
  if (
    args.blocks === undefined &&
    (typeof args.text !== "string" || args.text.length === 0) &&
    args.attachments === undefined
  ) {
    errors.push("no_text");
  }
  return errors;
}

export function checkView(view: unknown): string[] {
  if (typeof view !== "object" || view === null) return ["view must be an object"];
  const v = view as Json;
  const errors = checkBlocks(v.blocks, LIMITS.viewBlocks);
  if (v.type !== "modal" && v.type !== "home") errors.push("view.type must be modal or home");
  if (v.type === "modal") {
    const title = textOf(v.title);
    if (!title) errors.push("view.title required");
    if (title.length > LIMITS.viewTitle)
      errors.push(`must be less than ${LIMITS.viewTitle + 1} characters [json-pointer:/view/title/text]`);
    for (const k of ["submit", "close"]) {
      if (v[k] !== undefined && textOf(v[k]).length > LIMITS.viewButton)
        errors.push(`view.${k} must be at most ${LIMITS.viewButton} characters`);
    }
    const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => (b as Json).type === "input");
    if (hasInput && v.submit === undefined) errors.push("view.submit required when the modal has inputs");
  }
  if (typeof v.private_metadata === "string" && v.private_metadata.length > LIMITS.privateMetadata) {
    errors.push(
      `must be less than ${LIMITS.privateMetadata + 1} characters [json-pointer:/view/private_metadata]`,
    );
  }
  if (typeof v.callback_id === "string" && v.callback_id.length > LIMITS.callbackId)
    errors.push("view.callback_id too long");
  return errors;
}

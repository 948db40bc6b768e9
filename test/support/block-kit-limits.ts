/**
 * Block Kit limits as Slack documents and enforces them (docs.slack.dev/reference/block-kit): block and
 * element counts, text lengths, plain_text where only plain text is allowed, option and placeholder
 * sizes, unique block_ids in a message or view, unique action_ids in a block, the `text` fallback of a
 * message with blocks, modal titles, buttons and private_metadata. The stand-in rejects payloads that
 * break them with Slack's own `invalid_blocks` / `invalid_arguments` errors.
 */
type Json = Record<string, unknown>;

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  messageText: 40000,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  options: 100,
  optionGroups: 100,
  overflowOptions: 5,
  radioOptions: 10,
  checkboxOptions: 10,
  plainTextInput: 3000,
  maxFiles: 10,
};

function textOf(t: unknown): string {
  return typeof t === "object" && t !== null && typeof (t as Json).text === "string"
    ? ((t as Json).text as string)
    : "";
}

/** A text object that must be plain_text (labels, button texts, placeholders, titles, option texts). */
function plain(t: unknown, where: string, max: number, errors: string[], required = true): void {
  if (t === undefined) {
    if (required) errors.push(`${where} is required`);
    return;
  }
  const o = t as Json;
  if (typeof o !== "object" || o === null || o.type !== "plain_text")
    errors.push(`${where} must be a plain_text object`);
  const s = textOf(t);
  if (s.length === 0) errors.push(`${where} must not be empty`);
  if (s.length > max) errors.push(`${where} must be at most ${max} characters`);
}

function anyText(t: unknown, where: string, max: number, errors: string[]): void {
  const o = t as Json;
  if (typeof o !== "object" || o === null || (o.type !== "plain_text" && o.type !== "mrkdwn"))
    errors.push(`${where} must be a text object`);
  const s = textOf(t);
  if (s.length === 0) errors.push(`${where} must not be empty`);
  if (s.length > max) errors.push(`must be less than ${max + 1} characters [json-pointer:${where}/text]`);
}

function checkOptions(options: unknown, where: string, max: number, errors: string[]): void {
  if (!Array.isArray(options)) return;
  if (options.length > max) errors.push(`${where} must have at most ${max} items`);
  options.forEach((o: Json, i: number) => {
    plain(o?.text, `${where}/${i}/text`, LIMITS.optionText, errors);
    if (typeof o?.value !== "string" || o.value.length === 0 || o.value.length > LIMITS.optionValue)
      errors.push(`${where}/${i}/value must be 1-${LIMITS.optionValue} characters`);
    if (o?.description !== undefined)
      plain(o.description, `${where}/${i}/description`, LIMITS.optionDescription, errors);
  });
}

function checkElement(el: Json, where: string, errors: string[]): void {
  if (typeof el !== "object" || el === null || typeof el.type !== "string") {
    errors.push(`${where} must be an element with a type`);
    return;
  }
  if (typeof el.action_id === "string" && el.action_id.length > LIMITS.actionId)
    errors.push(`${where}/action_id must be at most ${LIMITS.actionId} characters`);
  if (el.placeholder !== undefined) plain(el.placeholder, `${where}/placeholder`, LIMITS.placeholder, errors);
  switch (el.type) {
    case "button":
      plain(el.text, `${where}/text`, LIMITS.buttonText, errors);
      if (typeof el.value === "string" && el.value.length > LIMITS.buttonValue)
        errors.push(`${where}/value must be at most ${LIMITS.buttonValue} characters`);
      if (el.style !== undefined && el.style !== "primary" && el.style !== "danger")
        errors.push(`${where}/style must be primary or danger`);
      break;
    case "overflow":
      checkOptions(el.options, `${where}/options`, LIMITS.overflowOptions, errors);
      break;
    case "radio_buttons":
      checkOptions(el.options, `${where}/options`, LIMITS.radioOptions, errors);
      break;
    case "checkboxes":
      checkOptions(el.options, `${where}/options`, LIMITS.checkboxOptions, errors);
      break;
    case "static_select":
    case "multi_static_select":
      if (el.options === undefined && el.option_groups === undefined)
        errors.push(`${where} needs options or option_groups`);
      checkOptions(el.options, `${where}/options`, LIMITS.options, errors);
      if (Array.isArray(el.option_groups)) {
        if (el.option_groups.length > LIMITS.optionGroups)
          errors.push(`${where}/option_groups must have at most ${LIMITS.optionGroups} items`);
        el.option_groups.forEach((g: Json, i: number) => {
          plain(g?.label, `${where}/option_groups/${i}/label`, LIMITS.optionText, errors);
          checkOptions(g?.options, `${where}/option_groups/${i}/options`, LIMITS.options, errors);
        });
      }
      if (el.initial_option !== undefined)
        checkOptions([el.initial_option], `${where}/initial_option`, 1, errors);
      break;
    case "plain_text_input": {
      const max = typeof el.max_length === "number" ? el.max_length : LIMITS.plainTextInput;
      if (max > LIMITS.plainTextInput)
        errors.push(`${where}/max_length must be at most ${LIMITS.plainTextInput}`);
      if (typeof el.initial_value === "string" && el.initial_value.length > max)
        errors.push(`${where}/initial_value is longer than max_length`);
      break;
    }
    case "file_input":
      if (typeof el.max_files === "number" && (el.max_files < 1 || el.max_files > LIMITS.maxFiles))
        errors.push(`${where}/max_files must be 1-${LIMITS.maxFiles}`);
      break;
    case "image":
      if (typeof el.alt_text !== "string" || el.alt_text.length === 0)
        errors.push(`${where}/alt_text is required`);
      if (el.image_url === undefined && el.slack_file === undefined)
        errors.push(`${where} needs image_url or slack_file`);
      break;
    default:
      break;
  }
}

/** action_ids must be unique within their block. */
function uniqueActions(elements: Json[], where: string, errors: string[]): void {
  const seen = new Set<string>();
  for (const e of elements) {
    const id = e?.action_id;
    if (typeof id !== "string") continue;
    if (seen.has(id)) errors.push(`duplicate action_id ${id} [json-pointer:${where}]`);
    seen.add(id);
  }
}

export function checkBlocks(blocks: unknown, max: number): string[] {
  const errors: string[] = [];
  if (blocks === undefined) return errors;
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  if (blocks.length > max) errors.push(`no more than ${max} items allowed [json-pointer:/blocks]`);
  const blockIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const where = `/blocks/${i}`;
    if (typeof b !== "object" || b === null || typeof b.type !== "string") {
      errors.push(`missing required field: type [json-pointer:${where}]`);
      return;
    }
    if (typeof b.block_id === "string") {
      if (b.block_id.length > LIMITS.blockId) errors.push(`${where}/block_id too long`);
      if (blockIds.has(b.block_id)) errors.push(`duplicate block_id ${b.block_id} [json-pointer:${where}]`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case "section": {
        if (b.text !== undefined) anyText(b.text, `${where}/text`, LIMITS.sectionText, errors);
        if (b.text === undefined && b.fields === undefined) errors.push(`${where} needs text or fields`);
        if (Array.isArray(b.fields)) {
          if (b.fields.length > LIMITS.sectionFields)
            errors.push(`${where}/fields must have at most ${LIMITS.sectionFields} items`);
          b.fields.forEach((f: unknown, j: number) => {
            anyText(f, `${where}/fields/${j}`, LIMITS.fieldText, errors);
          });
        }
        if (b.accessory) checkElement(b.accessory as Json, `${where}/accessory`, errors);
        break;
      }
      case "header":
        plain(b.text, `${where}/text`, LIMITS.headerText, errors);
        break;
      case "context":
        if (!Array.isArray(b.elements) || b.elements.length === 0) errors.push(`${where}/elements required`);
        else {
          if (b.elements.length > LIMITS.contextElements)
            errors.push(`${where}/elements must have at most ${LIMITS.contextElements} items`);
          b.elements.forEach((e: Json, j: number) => {
            if (e?.type === "image") checkElement(e, `${where}/elements/${j}`, errors);
            else anyText(e, `${where}/elements/${j}`, LIMITS.contextText, errors);
          });
        }
        break;
      case "actions":
        if (!Array.isArray(b.elements) || b.elements.length === 0) errors.push(`${where}/elements required`);
        else {
          if (b.elements.length > LIMITS.actionsElements)
            errors.push(`${where}/elements must have at most ${LIMITS.actionsElements} items`);
          b.elements.forEach((e: Json, j: number) => {
            checkElement(e, `${where}/elements/${j}`, errors);
          });
          uniqueActions(b.elements as Json[], `${where}/elements`, errors);
        }
        break;
      case "image":
        if (typeof b.image_url === "string" && b.image_url.length > LIMITS.imageUrl)
          errors.push(`${where}/image_url too long`);
        if (b.image_url === undefined && b.slack_file === undefined)
          errors.push(`${where} needs image_url or slack_file`);
        if (typeof b.alt_text !== "string" || b.alt_text.length === 0 || b.alt_text.length > LIMITS.altText)
          errors.push(`${where}/alt_text must be 1-${LIMITS.altText} characters`);
        if (b.title !== undefined) plain(b.title, `${where}/title`, LIMITS.imageTitle, errors);
        break;
      case "input":
        plain(b.label, `${where}/label`, LIMITS.inputLabel, errors);
        if (b.hint !== undefined) plain(b.hint, `${where}/hint`, LIMITS.inputHint, errors);
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
  const hasText = typeof args.text === "string" && args.text.trim().length > 0;
  if (args.blocks === undefined && !hasText && args.attachments === undefined) errors.push("no_text");
  // The fallback for notifications and screen readers: required with blocks.
  if (args.blocks !== undefined && !hasText) errors.push("text is required as the fallback for blocks");
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
    else plain(v.title, "/view/title", LIMITS.viewTitle, errors);
    if (title.length > LIMITS.viewTitle)
      errors.push(`must be less than ${LIMITS.viewTitle + 1} characters [json-pointer:/view/title/text]`);
    for (const k of ["submit", "close"]) {
      if (v[k] !== undefined) plain(v[k], `/view/${k}`, LIMITS.viewButton, errors);
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
  return [...new Set(errors)];
}

/** Reads inputs from a view_submission's state (block_id → action_id → value), tolerating absent blocks. */
type StateValues = Record<string, Record<string, Record<string, unknown>>>;

function input(
  values: StateValues,
  ref: { block: string; action: string },
): Record<string, unknown> | undefined {
  return values[ref.block]?.[ref.action];
}

export function textValue(values: StateValues, ref: { block: string; action: string }): string {
  const v = input(values, ref)?.value;
  return typeof v === "string" ? v : "";
}

export function usersValue(
  values: StateValues,
  ref: { block: string; action: string },
): string[] | undefined {
  const v = input(values, ref)?.selected_users;
  return Array.isArray(v) ? v.filter((u): u is string => typeof u === "string") : undefined;
}

export function conversationValue(
  values: StateValues,
  ref: { block: string; action: string },
): string | undefined {
  const v = input(values, ref)?.selected_conversation;
  return typeof v === "string" ? v : undefined;
}

export function fileIds(values: StateValues, ref: { block: string; action: string }): string[] {
  const files = input(values, ref)?.files;
  if (!Array.isArray(files)) return [];
  return (
    files
      // The payload is the client's: entries may be anything, including null.
      .map((f) => (f as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === "string" && /^F[A-Z0-9]+$/.test(id))
  );
}

export function stateOf(view: { state?: { values?: unknown } }): StateValues {
  return (view.state?.values ?? {}) as StateValues;
}

/** A single-choice input's value: `selected_user`, `selected_date` or `selected_option.value`. */
export function choiceValue(
  values: StateValues,
  ref: { block: string; action: string },
  kind: "user" | "date" | "option",
): string | null {
  const v = input(values, ref);
  const raw =
    kind === "user"
      ? v?.selected_user
      : kind === "date"
        ? v?.selected_date
        : (v?.selected_option as { value?: unknown } | null | undefined)?.value;
  return typeof raw === "string" && raw !== "" ? raw : null;
}

/** The demo page's Slack rendering, piece by piece: mrkdwn, emoji, blocks. */
import { describe, expect, it } from "vitest";
import { blocksHtml } from "../../scripts/demo/blocks-html.ts";
import { emojiFor, emojify } from "../../scripts/demo/emoji.ts";
import { mrkdwnHtml } from "../../scripts/demo/mrkdwn-html.ts";

const names = {
  person: (id: string) => (id === "U0LEAD" ? "Lena Park (S&OP lead)" : id),
  channel: (id: string) => (id === "C0SOP" ? "s-and-op" : id),
  fileSrc: (id: string) => (id === "F0CHART" ? "f0chart-kpi-trend.png" : undefined),
};

describe("demo page rendering", () => {
  it("finds emoji by Slack's names in node-emoji and emojilib, and leaves unknown codes as written", () => {
    expect(emojiFor("white_check_mark")).toBe("✅");
    expect(emojiFor("large_blue_circle")).toBe("🔵");
    // Newer than node-emoji's list: found in emojilib without Slack's "large_" prefix.
    expect(emojiFor("large_orange_circle")).toBe("🟠");
    expect(emojiFor("large_green_circle")).toBe("🟢");
    expect(emojiFor("no_such_emoji_here")).toBeNull();
    expect(emojify(":tada: at 11:00: :no_such_emoji_here:")).toBe(
      '<span class="emoji">🎉</span> at 11:00: :no_such_emoji_here:',
    );
    // Emoji already in the text go into the emoji font too, flags and sequences whole.
    expect(emojify("⚠️ 🇩🇪 ©")).toBe('<span class="emoji">⚠️</span> <span class="emoji">🇩🇪</span> ©');
  });

  it("draws mentions as whole-name pills, quotes as quotes, code as typed", () => {
    const html = mrkdwnHtml(
      "<@U0LEAD> opened it in <#C0SOP>\n&gt; The Blenders launch moved\n&gt; to March\n`/sop start 2027-01` *done* :tada:",
      names,
    );
    expect(html).toContain('<span class="mention">@Lena Park (S&amp;OP lead)</span>');
    expect(html).toContain('<span class="mention channel">#s-and-op</span>');
    expect(html).toContain("<blockquote>The Blenders launch moved<br>to March</blockquote>");
    expect(html).toContain("<code>/sop start 2027-01</code>");
    expect(html).toContain("<b>done</b>");
    expect(html).toContain('<span class="emoji">🎉</span>');
    expect(mrkdwnHtml("`:tada:` <https://x.test/a?b=1&amp;c=2|the link>", names)).toBe(
      '<code>:tada:</code> <a href="https://x.test/a?b=1&amp;c=2">the link</a>',
    );
  });

  it("shows slack_file images from the uploads, inputs with their labels, menus with their choice", () => {
    const html = blocksHtml(
      [
        {
          type: "image",
          slack_file: { id: "F0CHART" },
          alt_text: "KPI trend",
          title: { type: "plain_text", text: "KPI trend" },
        },
        {
          type: "input",
          optional: true,
          label: { type: "plain_text", text: "Paste CSV" },
          element: {
            type: "plain_text_input",
            multiline: true,
            placeholder: { type: "plain_text", text: "family,period" },
          },
          hint: { type: "plain_text", text: "One line per family and month" },
        },
        {
          type: "input",
          label: { type: "plain_text", text: "…or upload a file" },
          element: { type: "file_input", filetypes: ["csv", "xlsx"], max_files: 1 },
        },
        {
          type: "actions",
          elements: [
            { type: "users_select", initial_user: "U0LEAD" },
            { type: "button", style: "primary", text: { type: "plain_text", text: "Approve" } },
          ],
        },
      ],
      names,
    );
    expect(html).toContain('<img src="f0chart-kpi-trend.png" alt="KPI trend">');
    expect(html).toContain('<div class="label">Paste CSV <span class="optional">(optional)</span></div>');
    expect(html).toContain('<div class="textbox multiline placeholder">family,period</div>');
    expect(html).toContain('<div class="hint">One line per family and month</div>');
    expect(html).toContain("<small>.csv, .xlsx · up to 1 file</small>");
    expect(html).toContain('<span class="mention">@Lena Park (S&amp;OP lead)</span>');
    expect(html).toContain('<span class="button primary">Approve</span>');
    expect(html).not.toContain("undefined");
  });
});

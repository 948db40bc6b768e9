/**
 * A person's browser for the install flow: follows redirects itself and keeps cookies per host, as a
 * browser does — the app's OAuth state cookie set at /slack/install comes back at /slack/oauth_redirect,
 * and the Slack stand-in sees the session cookie of the workspace the person is signed in to.
 */
export interface Visit {
  url: string;
  status: number;
  body: string;
  /** Every URL the browser went through, in order. */
  hops: string[];
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Signs the browser in to a Slack workspace as a user (Slack's session cookie `d`). */
  signInToSlack(slackBaseUrl: string, teamId: string, userId: string): this {
    this.cookies(new URL(slackBaseUrl).host).set("d", `${teamId}.${userId}`);
    return this;
  }

  async visit(start: string, maxHops = 10): Promise<Visit> {
    const hops: string[] = [];
    let url = start;
    for (let i = 0; i < maxHops; i++) {
      hops.push(url);
      const host = new URL(url).host;
      const cookie = [...this.cookies(host)].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
      for (const c of res.headers.getSetCookie()) this.store(host, c);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        url = new URL(location, url).toString();
        continue;
      }
      return { url, status: res.status, body: await res.text(), hops };
    }
    throw new Error(`browser: more than ${maxHops} redirects from ${start}`);
  }

  private cookies(host: string): Map<string, string> {
    const c = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, c);
    return c;
  }

  private store(host: string, setCookie: string): void {
    const [pair, ...attrs] = setCookie.split(";");
    const eq = pair!.indexOf("=");
    const [name, value] = [pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim()];
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
    if (expired || value === "") this.cookies(host).delete(name);
    else this.cookies(host).set(name, value);
  }
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  /** The plain-text part, for every mail client. */
  readonly text: string;
  /** The HTML part, when there is one; it says what `text` says. */
  readonly html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * The host app's page of a relation, for links in mail; undefined when the host configured none
   * (`RELATION_URL`). Always an absolute http(s) URL.
   */
  relationLink(id: string): string | undefined;
}

const from = process.env.MAIL_FROM ?? 'Relaties <relaties@example.nl>';

const webUrl = (value: string): URL | undefined => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Links to a relation from a template such as `https://erp.example/#/relaties/{id}`. The template is checked
 * once, at start: a mistyped one stops the backend instead of mailing links that lead nowhere.
 */
export function relationLinks(template: string | undefined): (id: string) => string | undefined {
  if (!template) return () => undefined;
  if (!template.includes('{id}') || !webUrl(template.replaceAll('{id}', 'id'))) {
    throw new Error(`RELATION_URL must be an http(s) URL with {id} where the relation's id goes, e.g. http://localhost:5173/#/relaties/{id}; it is ${template}`);
  }
  // Encoded, an id cannot add a path, a query or a scheme; the result is checked again all the same.
  return (id) => webUrl(template.replaceAll('{id}', encodeURIComponent(id)))?.href;
}

/**
 * Sends through SMTP when `smtpUrl` is set; otherwise writes each message as an `.eml` file in `outbox`,
 * which any mail client opens, so the demo and the tests show real mail without a mail server.
 * `relationUrl` (default: the `RELATION_URL` environment variable) is where links to a relation point.
 */
export function createMailer(options: { smtpUrl?: string | undefined; outbox: string; relationUrl?: string | undefined }): Mailer {
  const relationLink = relationLinks(options.relationUrl ?? process.env.RELATION_URL);
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      relationLink,
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let sequence = 0;
  return {
    relationLink,
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      await mkdir(options.outbox, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(4, '0')}.eml`;
      await writeFile(join(options.outbox, name), info.message as Buffer);
    },
  };
}

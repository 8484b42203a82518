import { DiscoveryService } from '@nestjs/core';
import type { EmailJobName, EmailJobs } from '@rilon/core';

/** One e-mail, ready to send. */
export interface RenderedEmail {
  /** One recipient address. Never logged. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * A stable id of this delivery, the same on every retry and every relay of the same
   * event (e.g. the job id `evt-<event key>` or `ntf-<notification id>`). The Message-ID
   * header becomes `<deliveryId@<MAIL_FROM domain>>`, so a receiver can drop a duplicate.
   * Letters, digits and `.`, `_`, `-` only.
   */
  deliveryId: string;
}

/**
 * Turns the data of one kind of e-mail job into an e-mail. Renderers may read the
 * database (inject what they need): they run in the worker, once per attempt.
 */
export interface EmailRenderer<N extends EmailJobName = EmailJobName> {
  /** The job name this renderer handles; exactly one renderer per name. */
  readonly jobName: N;
  /**
   * Returns the e-mail, or null when there is nothing to send any more (the user was
   * suspended, the notification was already e-mailed): the job then completes. Throw
   * `UnrecoverableError` (bullmq) for data that can never render; any other error is
   * retried with backoff.
   */
  render(data: EmailJobs[N], job: { id: string }): Promise<RenderedEmail | null>;
  /**
   * Called once the mail was handed to the mail server, before the job completes: mark
   * it sent where the renderer's data lives and erase what must not outlive the mail
   * (an invitation link). A throw retries the job, and the mail goes again under the
   * same Message-ID, so a secret is never left behind by a failed mark.
   */
  sent?(data: EmailJobs[N], job: { id: string }): Promise<void>;
}

/** One e-mail job a batch stands for: its name, data and the job id it has on its own. */
export interface EmailBatchMember {
  name: EmailJobName;
  data: unknown;
  id: string;
}

/**
 * Stands for many e-mail jobs in one (queueing a job per mail costs Redis more than the
 * fan-out that makes them). The processor sends each member in turn through its own name's
 * renderer, exactly as if it were its own job; a member that fails becomes its own job
 * (its id, EMAIL_JOB_OPTIONS) and retries on its own, and after a failure that is not the
 * member's own (the mail server is away) the rest follow it as their own jobs. `members` runs
 * again on a retried batch: answer only those not sent yet.
 */
export interface EmailBatchRenderer<N extends EmailJobName = EmailJobName> {
  readonly jobName: N;
  members(data: EmailJobs[N], job: { id: string }): Promise<EmailBatchMember[]>;
}

/** What the registry holds for a job name: a renderer of one e-mail, or a batch. */
export type EmailJobHandler = EmailRenderer | EmailBatchRenderer;

export function isBatchRenderer(handler: EmailJobHandler): handler is EmailBatchRenderer {
  return 'members' in handler;
}

/**
 * Marks a provider as an e-mail renderer (or batch renderer); the worker finds every marked provider at
 * start-up, wherever its module is.
 *
 * How to add a kind of e-mail (e.g. a notification mail or a daily digest), without
 * touching the e-mail processor:
 *
 * 1. In libs/core/src/queue/job-data.ts add the job name and its data type to `EmailJobs`,
 *    the name to `EMAIL_JOB_NAMES` (the worker refuses to start until step 2 exists) and
 *    the data's shape to `EMAIL_JOB_SHAPES` (the e-mail processor checks every job by it).
 * 2. Write a class `implements EmailRenderer<'your.job'>`, decorate it with
 *    `@Injectable()` and `@AsEmailRenderer()`, and list it in the `providers` of one of
 *    the worker's modules (e.g. NotificationsWorkerModule); import the types from
 *    `apps/worker/src/email/email-renderer`.
 * 3. Enqueue jobs on `QUEUES.email` with `name: 'your.job'`, a stable `jobId` per
 *    delivery (BullMQ drops an add whose id it holds), and `opts: EMAIL_JOB_OPTIONS`.
 *    Keep job data to ids where you can and load the rest in `render`.
 *
 * Never log the address, the body, or a link that carries a token.
 */
export const AsEmailRenderer = DiscoveryService.createDecorator<void>();

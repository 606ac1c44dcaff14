/**
 * Encryption at rest, once the data is open (the locked start is the core host's:
 * encryption/hostSide.ts): the status, set-up in two steps (prepare → the recovery key shown
 * once; enable → the rekey and the sealing job, done by the host through `ctx.encryption`), and
 * 继续加密 after a cancelled sealing.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError } from '../errors';
import { hasKeyFile, readKeyFile } from '../crypto/keyFile';
import { encryptionStatus, SEAL_JOB } from '../encryption/status';
import { checkPassword, sessionView } from './auth';

const ALREADY = { zh: '数据已经加密。', en: 'The data is already encrypted.' };
const NO_HOST = { zh: '本次运行不支持设置加密。', en: 'Encryption cannot be set up in this run of the application.' };
const PREPARE_FIRST = { zh: '请先生成恢复密钥（第 1 步）。', en: 'Make the recovery key first (step 1).' };
const WRONG_GROUP = { zh: '输入的最后一组字符与恢复密钥不符，请对照抄写的恢复密钥重新输入。', en: 'The last group typed does not match the recovery key. Check it against what you wrote down.' };
const JOB_RUNNING = { zh: '有任务正在运行（导入、打印、备份或检查）。请等它结束后再启用加密。', en: 'A job is running (an import, a print, a backup or a check). Enable encryption once it has ended.' };
const NOT_ENCRYPTING = { zh: '没有需要继续加密的文件。', en: 'There are no files left to encrypt.' };

const latestSealJob = (ctx: HandlerContext) => ctx.jobs.list(50).find((job) => job.kind === SEAL_JOB) ?? null;

function hooks(ctx: HandlerContext) {
  if (!ctx.encryption) throw new CoreError('CONFLICT', NO_HOST);
  return ctx.encryption;
}

export const encryptionHandlers = defineHandlers({
  'encryption.status': (_input, ctx) =>
    encryptionStatus(ctx.dataDir, { unlocked: ctx.vault.key !== null, portable: ctx.info.portable, showUnlockers: ctx.user?.role === 'admin', sealJob: latestSealJob(ctx) }),

  // The data is open already: nothing to unlock; the session as it is.
  'encryption.unlock': (_input, ctx) => ({ session: sessionView(ctx) }),

  'encryption.prepare': async (input, ctx) => {
    const user = ctx.requireUser();
    if (hasKeyFile(ctx.dataDir)) throw new CoreError('CONFLICT', ALREADY);
    const host = hooks(ctx);
    await checkPassword(ctx, user, input.password, 'login_failed');
    return { recoveryKey: host.prepare(ctx.session, user) };
  },

  'encryption.enable': async (input, ctx) => {
    const user = ctx.requireUser();
    if (hasKeyFile(ctx.dataDir)) throw new CoreError('CONFLICT', ALREADY);
    const host = hooks(ctx);
    const pending = host.pending(ctx.session);
    if (!pending) throw new CoreError('CONFLICT', PREPARE_FIRST);
    const typed = input.confirmLastGroup.toUpperCase().replace(/[\s-]/g, '');
    if (typed !== pending.slice(-4)) throw new CoreError('VALIDATION', WRONG_GROUP);
    if (ctx.jobs.list(50).some((job) => job.status === 'running')) throw new CoreError('BUSY', JOB_RUNNING);
    await checkPassword(ctx, user, input.password, 'login_failed');
    return host.enable(ctx.session, user, input.password);
  },

  'encryption.resume': (_input, ctx) => {
    const user = ctx.requireUser();
    const file = readKeyFile(ctx.dataDir);
    if (!ctx.vault.key || !file || file === 'damaged' || file.state !== 'encrypting') throw new CoreError('CONFLICT', NOT_ENCRYPTING);
    const running = ctx.jobs.list(50).find((job) => job.kind === SEAL_JOB && job.status === 'running');
    if (running) return running;
    return ctx.jobs.start(SEAL_JOB, { enabledBy: file.createdBy, enabledAt: file.createdAt }, { userId: user.id, username: user.username });
  },
});

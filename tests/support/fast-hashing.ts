// Vitest's setup file: logins in the suite hash at a cheap scrypt cost instead of OWASP's (about
// 128 MiB and up to seconds each on a loaded machine). tests/services/password-cost.test.ts restores
// the real cost where it tests it.
import { useTestHashCost } from '../../src/services/auth/passwords';

useTestHashCost();

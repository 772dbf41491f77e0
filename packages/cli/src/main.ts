import { Command, CommanderError, Option } from 'commander';
import { addCommands } from './commands.js';
import { EXIT, EXIT_CODES_HELP, errorLine, exitCodeOf } from './exit-codes.js';
import { printError } from './output.js';

const program = new Command('keysmith')
  .description('Keysmith from the command line: trigger workflows, read executions, manage keys, projects, workflows and webhooks.')
  .version('0.1.0')
  .addOption(new Option('--api-key <key>', 'an API key (default: KEYSMITH_API_KEY); visible to other local users in the process list, prefer the variable'))
  .addOption(new Option('--token <token>', "a person's access token (default: KEYSMITH_TOKEN, then the profile)"))
  .addOption(new Option('--url <url>', 'the server (default: KEYSMITH_URL, then the profile, then http://localhost:4000)'))
  .addOption(new Option('--profile <name>', 'the profile written by `keysmith login` (default: default)'))
  .addOption(new Option('-o, --output <format>', 'table for people, json for scripts (nothing but JSON on stdout)').choices(['table', 'json']).default('table'))
  .addHelpText(
    'after',
    `\nCredentials, first found wins: --api-key / --token, KEYSMITH_API_KEY / KEYSMITH_TOKEN, the profile (keysmith login).\n\n${EXIT_CODES_HELP}\n\nExamples:\n  $ export KEYSMITH_API_KEY=ksk_…\n  $ keysmith trigger acme/checkout/sync --data '{"order":1}'\n  $ keysmith executions get <id> --output json\n`,
  )
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

addCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, successfully; any other parser error is a usage error (2).
    process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else {
    printError(errorLine(error));
    process.exitCode = exitCodeOf(error);
  }
}

/*
 * The words most passwords are built from, written for Earshot rather than copied from a leak
 * list. A password is compared by its core: lower-cased, with the digits and symbols people
 * bolt on at either end taken off and look-alike characters read back as letters, so one entry
 * here ("summer") refuses "Summer2024!", "$ummer123" and "summer summer". Entries are letters only.
 */
const words = `
password passwd passw0rd pass mypassword newpassword yourpassword secret topsecret private
letmein openup opensesame welcome hello helloworld goodbye login logon signin access admin
administrator root toor superuser sysadmin system server database default changeme temp temporary
guest user test testing tester demo sample example master manager support service customer
helpdesk office company business earshot qwerty qwertz azerty qwertyuiop qwertyui asdf asdfgh
asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc qazwsxedcrfv zaqxsw zaqwsx wsxedc abc abcd abcde
abcdef abcdefg abcdefgh abcdefghi abcdefghij iloveyou iloveu loveyou loveme lovely ihateyou
imissyou thankyou whatever nothing something anything everything unknown trustno trustnoone
blahblah monkey dragon sunshine princess prince queen king kingdom football baseball soccer
hockey basketball tennis golf cricket rugby superman batman spiderman ironman hulk wolverine
starwars startrek jedi yoda vader pokemon pikachu naruto minecraft fortnite roblox zelda mario
sonic nintendo playstation xbox gamer gaming player shadow hunter ranger buster tigger charlie
michael jennifer jordan robert thomas daniel andrew joshua matthew jessica ashley amanda nicole
michelle hannah sarah david james john william richard joseph christopher anthony mark steven
maggie ginger pepper cookie chocolate flower summer winter spring autumn january february march
april june july august september october november december monday tuesday wednesday thursday
friday saturday sunday freedom liberty justice computer internet online google facebook
instagram twitter youtube microsoft windows linux ubuntu apple macbook iphone samsung android
money dollar dollars million rich cheese banana orange purple yellow silver golden gold diamond
killer mustang ferrari porsche corvette harley yankees lakers cowboys liverpool arsenal chelsea
barcelona madrid juventus london paris berlin newyork america canada england australia germany
france india mexico brazil superstar rockstar warrior ninja samurai pirate viking wizard merlin
gandalf matrix phoenix thunder lightning tiger lion eagle falcon dolphin butterfly rainbow
unicorn sunflower snowball snoopy scooby mickey minnie garfield kitty hellokitty puppy doggy
kitten bubbles sweetie honey sugar darling sweetheart baby babygirl babyboy mommy daddy family
friends friend forever together lovers wedding birthday christmas holiday vacation beach ocean
mountain sunset coffee pizza chicken bacon hamburger cocacola pepsi whiskey vodka beer guitar
music dancer singer hacker coder developer engineer teacher student school college university
doctor nurse police soldier army marine navy angel jesus christ blessed faith heaven god
soccerball letmeinnow passwordpassword qwerty ilovemyself iloveme loveyouforever
`;

export const commonPasswordWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
